import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '../api/useQuery';
import { ConsolidatePanel } from '../components/export/ConsolidatePanel';
import { SignOffPanel } from '../components/export/SignOffPanel';
import { VerifyPanel } from '../components/export/VerifyPanel';
import { usePlans } from '../state/plans';
import { useSettings } from '../state/settings';
import { chosenPeriod, rememberPeriod } from '../state/period';
import { periodText } from '../components/PeriodPicker';

export function ExportScreen() {
  const { t } = useTranslation('export');
  const { current } = usePlans();
  const periods = useQuery('periods.list', current ? { planId: current.id } : null);
  const { settings } = useSettings();
  const [chosen, setChosen] = useState<number | null>(null);
  const period = periods.data?.find((p) => p.id === chosen) ?? (current ? chosenPeriod(current.id, periods.data) : undefined);

  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }}>
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      {current && periods.data?.length === 0 && <Alert severity="info">{t('noPeriods')}</Alert>}
      {period && (
        <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={t('period')}>
          <TextField
            select
            size="small"
            label={t('period')}
            value={period.id}
            onChange={(e) => {
              setChosen(Number(e.target.value));
              rememberPeriod(period.planId, Number(e.target.value));
            }}
            sx={{ minWidth: 260, mb: 2 }}
          >
            {periods.data?.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {periodText(p)}
              </MenuItem>
            ))}
          </TextField>
          <SignOffPanel key={period.id} period={period} userName={settings?.userName ?? ''} />
        </Paper>
      )}
      <VerifyPanel />
      <ConsolidatePanel />
    </Stack>
  );
}
