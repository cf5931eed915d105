import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { formatPercent } from '../../../shared/status/format';
import { timeProgress } from '../../../shared/status/schedule';
import { chineseDate, isIsoDate } from '../../../shared/text/calendar';
import { DateField } from '../components/DateField';
import { PeriodPicker } from '../components/PeriodPicker';
import { rememberedPeriod } from '../state/period';
import { severityOf } from '../../../shared/status/severity';
import { lights, statusClasses, type StatusClass } from '../../../shared/status/types';
import { useQuery } from '../api/useQuery';
import { lightColors, StatusChip } from '../components/StatusChip';
import { usePaged } from '../components/Paged';
import { ProgressBar } from '../components/ProgressBar';
import { usePlans } from '../state/plans';
import { usePlanStatus } from '../state/status';
import { projectHref } from '../state/route';
import { NoPlan } from './NoPlan';

// x-charts is large: it loads after the numbers and the table are on screen.
const CompletionChart = lazy(() => import('../components/CompletionChart').then((m) => ({ default: m.CompletionChart })));

const all = '';
/** More bars than this cannot be read: a large plan charts its projects furthest behind. */
const chartLimit = 40;

export function OverviewScreen() {
  const { t } = useTranslation(['overview', 'status']);
  const { current } = usePlans();
  const [asOf, setAsOf] = useState('');
  const [preset, setPreset] = useState('');
  const [unit, setUnit] = useState(all);
  const [leader, setLeader] = useState(all);
  const [status, setStatus] = useState<StatusClass | ''>(all);
  const presets = useQuery('presets.list', {});
  const periods = useQuery('periods.list', current ? { planId: current.id } : null);
  const remembered = current ? rememberedPeriod(current.id, periods.data) : undefined;
  const effectiveAsOf = asOf || remembered?.asOf || '';
  const report = usePlanStatus({ asOf: effectiveAsOf || undefined, preset: preset || undefined });
  // A plan's judgement (thousands of projects) renders in the background, in slices the window can answer between:
  // the screen already shown stays usable while its figures, chips and table are built.
  const data = useDeferredValue(report.data);

  const projects = useMemo(() => data?.projects ?? [], [data]);
  const units = useMemo(() => [...new Set(projects.flatMap((p) => p.leadUnits))].sort(), [projects]);
  const leaders = useMemo(() => [...new Set(projects.flatMap((p) => p.leaders))].sort(), [projects]);
  const shown = useMemo(
    () =>
      projects
        .filter((p) => (!unit || p.leadUnits.includes(unit)) && (!leader || p.leaders.includes(leader)) && (!status || p.status === status))
        .toSorted((a, b) => severityOf(b) - severityOf(a) || a.seq - b.seq),
    [projects, unit, leader, status],
  );
  const charted = useMemo(() => shown.slice(0, chartLimit).toSorted((a, b) => a.seq - b.seq), [shown]);
  const { page, pager } = usePaged(shown, { perPage: 50, resetKey: `${unit}|${leader}|${status}` });

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

  const count = (predicate: (p: (typeof projects)[number]) => boolean) => projects.filter(predicate).length;
  const presetLabel = presets.data?.find((p) => p.name === data?.preset.name)?.label ?? data?.preset.name ?? '';

  return (
    <Stack spacing={2.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {t('title')}
        </Typography>
        {periods.data && (
          <PeriodPicker
            planId={current.id}
            periods={periods.data}
            value={periods.data.find((p) => p.asOf === (effectiveAsOf || data?.asOf)) ?? data?.period ?? undefined}
            onChange={(p) => setAsOf(p.asOf)}
            onCreated={(p) => {
              periods.reload();
              setAsOf(p.asOf);
            }}
          />
        )}
        <DateField size="small" width={190} label={t('status:asOf')} value={effectiveAsOf || data?.asOf || ''} onChange={(date) => (date === '' || isIsoDate(date)) && setAsOf(date)} />
        <TextField select size="small" label={t('status:preset')} value={preset || data?.preset.name || ''} onChange={(e) => setPreset(e.target.value)} sx={{ minWidth: 200 }}>
          {(presets.data ?? []).map((p) => (
            <MenuItem key={p.name} value={p.name}>
              {p.label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {report.error && <Alert severity="error">{report.error}</Alert>}
      {data && (
        <Typography color="text.secondary">
          {t('currentPlan', { name: current.name, start: chineseDate(current.startDate), end: chineseDate(current.endDate) })}{' '}
          {t('asOfLine', { asOf: data.asOf, time: formatPercent(timeProgress(current.startDate, current.endDate, data.asOf)), preset: presetLabel })}
        </Typography>
      )}
      {data && !data.period && projects.length > 0 && <Alert severity="info">{t('noPeriod')}</Alert>}
      {data && projects.length === 0 && <Alert severity="info">{t('noProjects')}</Alert>}

      {projects.length > 0 && (
        <>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} aria-label={t('byClass')}>
            <Typography variant="subtitle2" sx={{ mr: 1 }}>
              {t('byClass')}
            </Typography>
            {statusClasses.map((c) => (
              <Chip
                key={c}
                label={`${t(`status:classes.${c}`)} ${count((p) => p.status === c)}`}
                variant={status === c ? 'filled' : 'outlined'}
                color={status === c ? 'primary' : 'default'}
                onClick={() => setStatus(status === c ? all : c)}
              />
            ))}
            <Typography variant="subtitle2" sx={{ ml: 3, mr: 1 }}>
              {t('byLight')}
            </Typography>
            {lights.map((l) => (
              <Chip key={l} label={`${t(`status:lights.${l}`)} ${count((p) => p.light === l)}`} sx={{ borderColor: lightColors[l], borderWidth: 2 }} variant="outlined" />
            ))}
          </Stack>

          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              {t('chartTitle')}
            </Typography>
            {shown.length > chartLimit && (
              <Typography variant="body2" color="text.secondary">
                {t('chartLimited', { count: shown.length, shown: chartLimit })}
              </Typography>
            )}
            <Suspense fallback={<Box sx={{ height: 300 }} />}>
              <CompletionChart projects={charted} />
            </Suspense>
          </Paper>

          <Paper variant="outlined">
            <Stack direction="row" spacing={2} sx={{ p: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
                {t('listTitle')}
              </Typography>
              <TextField select size="small" label={t('unit')} value={unit} onChange={(e) => setUnit(e.target.value)} sx={{ minWidth: 180 }}>
                <MenuItem value={all}>{t('all')}</MenuItem>
                {units.map((u) => (
                  <MenuItem key={u} value={u}>
                    {u}
                  </MenuItem>
                ))}
              </TextField>
              <TextField select size="small" label={t('leader')} value={leader} onChange={(e) => setLeader(e.target.value)} sx={{ minWidth: 140 }}>
                <MenuItem value={all}>{t('all')}</MenuItem>
                {leaders.map((l) => (
                  <MenuItem key={l} value={l}>
                    {l}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Table size="small" aria-label={t('listTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 64, whiteSpace: 'nowrap' }}>{t('columns.seq')}</TableCell>
                  <TableCell>{t('columns.title')}</TableCell>
                  <TableCell sx={{ width: 130 }}>{t('columns.status')}</TableCell>
                  <TableCell sx={{ width: 220 }}>{t('columns.completion')}</TableCell>
                  <TableCell>{t('columns.reason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.map((p) => (
                  <TableRow key={p.projectId} hover>
                    <TableCell>{p.seq}</TableCell>
                    <TableCell>
                      <Typography component="a" href={projectHref(p.projectId)} variant="body2" sx={{ color: 'inherit', fontWeight: 500 }}>
                        {p.title}
                      </Typography>
                      <Typography variant="caption" color="text.secondary" component="div">
                        {p.leadUnits.join('、')}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <StatusChip status={p.status} light={p.light} overridden={Boolean(p.override)} />
                    </TableCell>
                    <TableCell>
                      <ProgressBar completion={p.completion} timeProgress={p.timeProgress} light={p.light} label={`${p.title} ${t('status:completion')}`} />
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2" color="text.secondary">
                        {p.reasons[0]}
                      </Typography>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {pager}
          </Paper>
        </>
      )}
    </Stack>
  );
}
