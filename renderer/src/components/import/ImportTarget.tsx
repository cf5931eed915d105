import { useTranslation } from 'react-i18next';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ImportPreview, PlanSummary } from '../../../../shared/domain';

/** An existing plan's id, or 'new': making a plan is a choice the user sees, never what happens by default. */
export type TargetChoice = number | 'new';

/**
 * Where a table goes unless the user says otherwise: the plan this department's table went into last time,
 * else the plan its title names, else the plan in use in the header; a new plan only when there is none.
 */
export function defaultTarget(preview: ImportPreview, plans: PlanSummary[], current: PlanSummary | null): TargetChoice {
  const known = (id: number | null | undefined) => (id != null && plans.some((p) => p.id === id) ? id : undefined);
  return known(preview.lastPlanId) ?? known(preview.titlePlan?.planId) ?? current?.id ?? 'new';
}

interface Props {
  preview: ImportPreview;
  plans: PlanSummary[];
  value: TargetChoice;
  onChange(value: TargetChoice): void;
  error?: string;
}

export function ImportTarget({ preview, plans, value, onChange, error }: Props) {
  const { t } = useTranslation('import');
  const why = value === preview.lastPlanId ? t('targetLast', { unit: preview.reportingUnit ?? '' }) : undefined;
  const titled = preview.titlePlan && preview.titlePlan.planId === null ? preview.titlePlan : null;
  return (
    <TextField
      select
      size="small"
      label={t('intoPlan')}
      value={value}
      onChange={(e) => onChange(e.target.value === 'new' ? 'new' : Number(e.target.value))}
      error={Boolean(error)}
      helperText={error ?? why}
      sx={{ minWidth: 360 }}
    >
      {plans.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {p.name}
        </MenuItem>
      ))}
      {plans.length > 0 && <Divider />}
      <MenuItem value="new">{titled ? t('newPlanNamed', { name: titled.name }) : t('newPlanFromTitle')}</MenuItem>
    </TextField>
  );
}
