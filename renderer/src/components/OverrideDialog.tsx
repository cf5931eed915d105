import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { overrideInput } from '../../../shared/api/contract';
import type { Period } from '../../../shared/domain';
import { statusClasses, type StatusClass } from '../../../shared/status/types';
import { api } from '../api/client';
import { FormDialog } from './FormDialog';
import { useFormSave } from './validation';

/** A person overrules the rules, on the record: a reason is required. */
export function OverrideDialog({
  projectId,
  period,
  current,
  onClose,
  onSaved,
}: {
  projectId: number;
  /** The period being judged: the override belongs to it alone. */
  period: Period | null;
  current: StatusClass;
  onClose(): void;
  onSaved(status: StatusClass): void;
}) {
  const { t } = useTranslation(['project', 'status', 'common']);
  const [status, setStatus] = useState<StatusClass>(current);
  const [reason, setReason] = useState('');
  const { errors, saving, save } = useFormSave();

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(overrideInput, { projectId, status, reason, ...(period ? { periodId: period.id } : {}) }, async (data) => {
      await api.call('status.override', data);
      onSaved(status);
    });
  }

  return (
    <FormDialog title={t('overrideTitle')} onClose={onClose} onSubmit={submit} error={errors._} saving={saving}>
      <DialogContentText>{t('overrideHelp')}</DialogContentText>
      {period && <DialogContentText>{t('overridePeriod', { period: period.label, asOf: period.asOf })}</DialogContentText>}
      <TextField select label={t('overrideStatus')} value={status} onChange={(e) => setStatus(e.target.value as StatusClass)}>
        {statusClasses.map((c) => (
          <MenuItem key={c} value={c}>
            {t(`status:classes.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField label={t('overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} required multiline minRows={3} autoFocus error={Boolean(errors.reason)} helperText={errors.reason} />
    </FormDialog>
  );
}
