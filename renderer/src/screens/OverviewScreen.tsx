import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '../api/useQuery';
import { usePlans } from '../state/plans';
import { useRoute } from '../state/route';
import { NoPlan } from './NoPlan';

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5, minWidth: 160 }}>
      <Typography color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography variant="h4" component="p" sx={{ fontWeight: 600 }}>
        {value}
      </Typography>
    </Paper>
  );
}

export function OverviewScreen() {
  const { t } = useTranslation('overview');
  const { plans, current } = usePlans();
  const units = useQuery('directory.units', {});
  const [, go] = useRoute();

  if (!current) {
    return (
      <Stack spacing={2}>
        <Typography variant="h5" component="h1">
          {t('welcomeTitle')}
        </Typography>
        <Typography color="text.secondary">{t('welcomeBody')}</Typography>
        <NoPlan />
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('currentPlan', { name: current.name, start: current.startDate, end: current.endDate })}</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Figure label={t('plans')} value={plans.length} />
        <Figure label={t('projects')} value={current.projectCount} />
        <Figure label={t('units')} value={units.data?.length ?? '…'} />
      </Stack>
      <Paper variant="outlined" sx={{ p: 2.5 }}>
        <Typography color="text.secondary">{t('statusPending')}</Typography>
        <Button sx={{ mt: 1 }} onClick={() => go('projects')}>
          {t('goProjects')}
        </Button>
      </Paper>
    </Stack>
  );
}
