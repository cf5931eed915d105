import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Period } from '../../../shared/domain';
import { chineseDate } from '../../../shared/text/calendar';
import { rememberPeriod } from '../state/period';

// The dialog (and the API's schemas with zod, which it validates with) loads when it is opened, not with the first screen.
const PeriodDialog = lazy(() => import('./PeriodDialog').then((m) => ({ default: m.PeriodDialog })));

/** "截至2022年9月30日" already says its date; "2022年三季度" gets it added. */
export function periodText(period: Period): string {
  const date = chineseDate(period.asOf);
  return period.label.includes(date) ? period.label : i18n.t('common:periodText', { label: period.label, date });
}

interface Props {
  planId: number;
  periods: Period[];
  value: Period | undefined;
  onChange(period: Period): void;
  /** After 新建报送期: the list should reload; the new period is chosen. */
  onCreated(period: Period): void;
}

/** The period in use, always in sight, with 新建报送期 as a button of its own. */
export function PeriodPicker({ planId, periods, value, onChange, onCreated }: Props) {
  const { t } = useTranslation(['project', 'common']);
  const [creating, setCreating] = useState(false);
  const choose = (period: Period) => {
    rememberPeriod(planId, period.id);
    onChange(period);
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {periods.length > 0 ? (
        <TextField
          select
          size="small"
          label={t('period')}
          value={value?.id ?? ''}
          onChange={(e) => choose(periods.find((p) => p.id === Number(e.target.value))!)}
          sx={{ minWidth: 240 }}
        >
          {periods.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {periodText(p)}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t('noPeriods')}
        </Typography>
      )}
      <Button size="small" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
        {t('newPeriodButton')}
      </Button>
      {creating && (
        <Suspense fallback={null}>
          <PeriodDialog
            planId={planId}
            onClose={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              rememberPeriod(planId, created.id);
              onCreated(created);
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
