import { useTranslation } from 'react-i18next';
import { BarChart } from '@mui/x-charts/BarChart';
import type { StatusReport } from '../../../shared/domain';

type Judged = StatusReport['projects'][number];

/** Completion beside the time schedule, one pair of bars per project (loaded with the overview, after it). */
export function CompletionChart({ projects }: { projects: readonly Judged[] }) {
  const { t } = useTranslation('overview');
  return (
    <BarChart
      height={300}
      xAxis={[{ scaleType: 'band', data: projects.map((p) => p.seq), valueFormatter: (seq: number) => String(seq), label: t('chartAxis'), height: 64 }]}
      yAxis={[{ max: 150, valueFormatter: (v: number) => `${v}%` }]}
      series={[
        {
          data: projects.map((p) => Math.round(Math.min(p.completion ?? 0, 1.5) * 100)),
          label: t('chartCompletion'),
          color: '#1565c0',
          valueFormatter: (v) => `${v}%`,
        },
        { data: projects.map((p) => Math.round(p.timeProgress * 100)), label: t('chartTime'), color: '#bdbdbd', valueFormatter: (v) => `${v}%` },
      ]}
    />
  );
}
