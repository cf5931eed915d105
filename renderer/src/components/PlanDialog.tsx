import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { createPlanInput } from '../../../shared/api/contract';
import { planLevels, type Plan } from '../../../shared/domain';
import { api } from '../api/client';
import { DateField } from './DateField';
import { FormDialog } from './FormDialog';
import { useFormSave } from './validation';

interface Props {
  /** The plan being edited; absent when creating one. */
  plan?: Plan;
  onClose(): void;
  onCreated(plan: Plan): void;
  /** Offered when editing: deletes the plan (the caller asks first and offers 撤销). */
  onDelete?(): void;
}

export function PlanDialog({ plan, onClose, onCreated, onDelete }: Props) {
  const { t } = useTranslation(['plans', 'common']);
  const [year, setYear] = useState(String(plan?.year ?? new Date().getFullYear()));
  const [level, setLevel] = useState<string>(plan?.level ?? 'county');
  const [name, setName] = useState(plan?.name ?? '');
  const [region, setRegion] = useState(plan?.region ?? '');
  const [startDate, setStartDate] = useState(plan?.startDate ?? '');
  const [endDate, setEndDate] = useState(plan?.endDate ?? '');
  const input = { year: Number(year), level, name, region, startDate: startDate || undefined, endDate: endDate || undefined };
  const { errors, saving, save } = useFormSave({ schema: createPlanInput, input });

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(createPlanInput, input, async (data) => {
      const { year: _year, ...changes } = data;
      onCreated(plan ? await api.call('plans.update', { id: plan.id, ...changes }) : await api.call('plans.create', data));
    });
  }

  return (
    <FormDialog
      title={plan ? t('editTitle') : t('dialogTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={errors._}
      submitLabel={plan ? t('common:save') : t('common:create')}
      saving={saving}
      secondaryAction={
        plan && onDelete ? (
          <Button color="error" onClick={onDelete}>
            {t('delete')}
          </Button>
        ) : undefined
      }
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label={t('year')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          required
          // A plan's year is part of its identity (its periods and schedule hang on it): set once, at creation.
          disabled={Boolean(plan)}
          error={Boolean(errors.year)}
          helperText={errors.year}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ width: 140 }}
        />
        <TextField select label={t('level')} value={level} onChange={(e) => setLevel(e.target.value)} sx={{ width: 160 }}>
          {planLevels.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`common:levels.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField label={t('region')} placeholder={t('regionPlaceholder')} value={region} onChange={(e) => setRegion(e.target.value)} fullWidth />
      </Stack>
      <TextField
        label={t('name')}
        placeholder={t('namePlaceholder')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
        error={Boolean(errors.name)}
        helperText={errors.name}
      />
      <Stack direction="row" spacing={2}>
        <DateField label={t('startDate')} value={startDate} onChange={setStartDate} error={errors.startDate} helperText={t('datesHelp')} />
        <DateField label={t('endDate')} value={endDate} onChange={setEndDate} error={errors.endDate} />
      </Stack>
    </FormDialog>
  );
}
