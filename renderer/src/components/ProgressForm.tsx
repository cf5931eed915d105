import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Indicator, Period, ProgressRecord, Project } from '../../../shared/domain';
import { trimNumber } from '../../../shared/status/format';
import { rankActuals, suggestActuals } from '../../../shared/text/actuals';
import { api, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { draftKey, readDraft, writeDraft } from '../state/drafts';
import { useNotify } from '../state/notices';
import { chosenPeriod } from '../state/period';
import { PeriodPicker } from './PeriodPicker';
import { localDateTime } from '../../../shared/text/datetime';
import { UnitReports } from './UnitReports';

const whole = '__whole__';

interface Props {
  project: Project;
  indicators: Indicator[];
  year: number;
  onSaved(): void;
}

/** One project's report for one period and unit: the narrative as sent, and the figures read from it. */
export function ProgressForm({ project, indicators, year, onSaved }: Props) {
  const { t } = useTranslation('project');
  const periods = useQuery('periods.list', { planId: project.planId });
  const [chosen, setChosen] = useState<number | null>(null);
  const [unit, setUnit] = useState(whole);
  const period = periods.data?.find((p) => p.id === chosen) ?? chosenPeriod(project.planId, periods.data);
  const periodId = period?.id ?? null;
  const record = useQuery('progress.get', periodId ? { projectId: project.id, periodId } : null);
  // The project's units, and any other unit that reported for it (a name since merged, say).
  const reported = [...(record.data?.narratives ?? []), ...(record.data?.actuals ?? [])].flatMap((r) => (r.unit ? [r.unit] : []));
  const reportingUnits = [...new Set([...project.leadUnits, ...project.supportUnits, ...reported])];

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2}>
        {periods.data && (
          <PeriodPicker
            planId={project.planId}
            periods={periods.data}
            value={period}
            onChange={(p) => setChosen(p.id)}
            onCreated={(created) => {
              setChosen(created.id);
              periods.reload();
            }}
          />
        )}
        <TextField select size="small" label={t('reportingUnit')} value={unit} onChange={(e) => setUnit(e.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value={whole}>{t('wholeProject')}</MenuItem>
          {reportingUnits.map((u) => (
            <MenuItem key={u} value={u}>
              {u}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {record.data && <UnitReports record={record.data} indicators={indicators} onChoose={(u) => setUnit(u ?? whole)} />}
      {period && record.data && (
        <ProgressFields
          key={`${period.id}:${unit}:${record.data.narratives.length}`}
          period={period}
          unit={unit === whole ? null : unit}
          record={record.data}
          indicators={indicators}
          year={year}
          onSaved={() => {
            record.reload();
            onSaved();
          }}
        />
      )}
    </Stack>
  );
}

function ProgressFields({ period, unit, record, indicators, year, onSaved }: { period: Period; unit: string | null; record: ProgressRecord; indicators: Indicator[]; year: number; onSaved(): void }) {
  const { t } = useTranslation(['project', 'common']);
  const notify = useNotify();
  const saved = useMemo(
    () => ({
      narrative: record.narratives.find((n) => n.unit === unit)?.narrative ?? '',
      actuals: Object.fromEntries(record.actuals.filter((a) => a.unit === unit && a.actual !== null).map((a) => [a.indicatorId, String(a.actual)])) as Record<number, string>,
    }),
    [record, unit],
  );
  const key = draftKey(record.projectId, period.id, unit);
  const [draft, setDraft] = useState(() => readDraft(key));
  const [narrative, setNarrative] = useState(draft?.narrative ?? saved.narrative);
  const [actuals, setActuals] = useState<Record<number, string>>(draft?.actuals ?? saved.actuals);
  const [error, setError] = useState<string | null>(null);

  // Every change is kept as a draft until it is saved; back at the saved values, there is no draft.
  useEffect(() => {
    const changed = narrative !== saved.narrative || indicators.some((i) => (actuals[i.id] ?? '') !== (saved.actuals[i.id] ?? ''));
    writeDraft(key, changed ? { narrative, actuals, at: new Date().toISOString() } : null);
  }, [key, narrative, actuals, saved, indicators]);

  function dropDraft() {
    setNarrative(saved.narrative);
    setActuals(saved.actuals);
    setDraft(null);
  }
  const reading = useMemo(() => suggestActuals(narrative, { year }), [narrative, year]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const entries = indicators.map((i) => ({ indicatorId: i.id, text: (actuals[i.id] ?? '').trim() }));
    const bad = entries.find((e) => e.text !== '' && !Number.isFinite(Number(e.text)));
    if (bad) return setError(`“${indicators.find((i) => i.id === bad.indicatorId)?.name}”的完成值应为数字`);
    try {
      await api.call('progress.save', {
        projectId: record.projectId,
        periodId: period.id,
        unit,
        narrative,
        actuals: entries.map((e) => ({ indicatorId: e.indicatorId, actual: e.text === '' ? null : Number(e.text) })),
      });
      setError(null);
      writeDraft(key, null);
      setDraft(null);
      notify('success', t('progressSaved', { period: period.label }));
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2}>
      {draft && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={dropDraft}>
              {t('dropDraft')}
            </Button>
          }
        >
          {t('draftRestored', { at: localDateTime(draft.at) })}
        </Alert>
      )}
      <TextField label={t('narrative')} value={narrative} onChange={(e) => setNarrative(e.target.value)} multiline minRows={4} helperText={t('narrativeHelp')} />
      {indicators.map((indicator) => {
        const best = rankActuals({ unit: indicator.unit, kind: indicator.kind, target: indicator.target, label: indicator.name }, reading.items)[0];
        return (
          <Stack key={indicator.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextField
              size="small"
              label={`${indicator.name}：${indicator.kind === 'milestone' ? t('actualMilestone') : t('actual', { unit: indicator.unit || '—' })}`}
              value={actuals[indicator.id] ?? ''}
              onChange={(e) => setActuals((a) => ({ ...a, [indicator.id]: e.target.value }))}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              sx={{ width: 360 }}
            />
            {best && String(best.value) !== actuals[indicator.id] && (
              <Chip
                color="secondary"
                variant="outlined"
                label={t('useSuggestion', { value: trimNumber(best.value) })}
                title={best.suggestion.source.text}
                onClick={() => setActuals((a) => ({ ...a, [indicator.id]: String(best.value) }))}
              />
            )}
          </Stack>
        );
      })}
      {error && <Alert severity="error">{error}</Alert>}
      <div>
        <Button type="submit" variant="contained">
          {t('saveProgress')}
        </Button>
      </div>
    </Stack>
  );
}
