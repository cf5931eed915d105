import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { overrideInput } from '../../../shared/api/contract';
import { statusClasses, type StatusClass } from '../../../shared/status/types';
import { api, errorMessage } from '../api/client';
import { FormDialog } from './FormDialog';
import { fieldErrors } from './validation';

/** A person overrules the rules, on the record: a reason is required. */
export function OverrideDialog({ projectId, current, onClose, onSaved }: { projectId: number; current: StatusClass; onClose(): void; onSaved(status: StatusClass): void }) {
  const { t } = useTranslation(['project', 'status', 'common']);
  const [status, setStatus] = useState<StatusClass>(current);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = overrideInput.safeParse({ projectId, status, reason });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    try {
      await api.call('status.override', parsed.data);
      onSaved(status);
    } catch (error) {
      setErrors({ _: errorMessage(error) });
    }
  }

  return (
    <FormDialog title={t('overrideTitle')} onClose={onClose} onSubmit={submit} error={errors._}>
      <DialogContentText>{t('overrideHelp')}</DialogContentText>
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
