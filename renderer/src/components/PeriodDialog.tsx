import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { createPeriodInput } from '../../../shared/api/contract';
import { periodKinds, type Period } from '../../../shared/domain';
import { api } from '../api/client';
import { DateField } from './DateField';
import { FormDialog } from './FormDialog';
import { useFormSave } from './validation';

/** 报送期: "截至9月底" is a quarter ending 2021-09-30; the name is made up unless given. */
export function PeriodDialog({ planId, onClose, onCreated }: { planId: number; onClose(): void; onCreated(period: Period): void }) {
  const { t } = useTranslation(['project', 'common']);
  const [kind, setKind] = useState<string>('month');
  const [asOf, setAsOf] = useState('');
  const [label, setLabel] = useState('');
  const input = { planId, kind, asOf, label: label || undefined };
  const { errors, saving, save } = useFormSave({ schema: createPeriodInput, input });

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(createPeriodInput, input, async (data) => onCreated(await api.call('periods.create', data)));
  }

  return (
    <FormDialog
      title={t('periodTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={errors._}
      saving={saving}
      submitLabel={t('common:create')}
      maxWidth="xs"
    >
      <TextField select label={t('periodKind')} value={kind} onChange={(e) => setKind(e.target.value)}>
        {periodKinds.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`periodKinds.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <DateField label={t('periodAsOf')} value={asOf} onChange={setAsOf} error={errors.asOf} required autoFocus />
      <TextField label={t('periodLabel')} value={label} onChange={(e) => setLabel(e.target.value)} />
    </FormDialog>
  );
}
