import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Indicator } from '../../../shared/domain';
import { indicatorReason } from '../../../shared/status/reasons';
import { api, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { IndicatorDialog } from '../components/IndicatorDialog';
import { OverrideDialog } from '../components/OverrideDialog';
import { ProgressBar } from '../components/ProgressBar';
import { ProgressForm } from '../components/ProgressForm';
import { ProjectDialog } from '../components/ProjectDialog';
import { StageHintLine } from '../components/StageHintLine';
import { StatusChip } from '../components/StatusChip';
import { TasksSection } from '../components/TasksSection';
import { useNotify } from '../state/notices';
import { usePlans } from '../state/plans';
import { projectHref, screenHref, useRoute } from '../state/route';
import { localDateTime } from '../../../shared/text/datetime';
import { useConfirm } from '../state/confirm';
import { usePlanStatus } from '../state/status';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={title}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Paper>
  );
}

export function ProjectScreen({ id }: { id: number }) {
  const { t } = useTranslation(['project', 'status', 'projects', 'common']);
  const notify = useNotify();
  const confirm = useConfirm();
  const { current, reload: reloadPlans } = usePlans();
  const project = useQuery('projects.get', { id });
  const indicators = useQuery('indicators.list', { projectId: id });
  const history = useQuery('projects.history', { id });
  const report = usePlanStatus();
  const judgedPeriod = report.data?.period?.id;
  const progress = useQuery('progress.get', judgedPeriod ? { projectId: id, periodId: judgedPeriod } : null);
  const [editing, setEditing] = useState(false);
  const [indicatorDialog, setIndicatorDialog] = useState<Indicator | 'new' | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [, go] = useRoute();

  const refresh = () => {
    project.reload();
    indicators.reload();
    history.reload();
    report.reload();
    progress.reload();
  };

  if (project.error) return <Alert severity="error">{t('notFound')}</Alert>;
  const p = project.data;
  if (!p) return null;
  const judged = report.data?.projects.find((j) => j.projectId === id);
  const year = current?.year ?? Number(p.createdAt.slice(0, 4));

  async function removeProject() {
    if (!p || !(await confirm({ title: t('deleteProjectTitle'), message: t('deleteProjectConfirm', { title: p.title }), confirmLabel: t('common:delete'), danger: true }))) return;
    try {
      await api.call('projects.delete', { id });
      reloadPlans();
      go(screenHref('projects'));
      notify('success', t('projectDeleted', { title: p.title }), {
        label: t('undo'),
        run: () =>
          void api.call('projects.restore', { id }).then(() => {
            reloadPlans();
            go(projectHref(id));
          }),
      });
    } catch (error) {
      notify('error', errorMessage(error));
    }
  }

  async function remove(indicator: Indicator) {
    if (!(await confirm({ title: t('deleteIndicatorTitle'), message: t('deleteConfirm', { name: indicator.name }), confirmLabel: t('common:delete'), danger: true }))) return;
    try {
      const deleted = await api.call('indicators.delete', { id: indicator.id });
      refresh();
      notify('success', t('deleted', { name: deleted.name }), {
        label: t('undo'),
        run: () => {
          const { id: _id, position: _position, ...fields } = deleted;
          void api.call('indicators.create', fields).then(() => {
            refresh();
            notify('info', t('restored', { name: deleted.name }));
          });
        },
      });
    } catch (error) {
      notify('error', errorMessage(error));
    }
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <div>
        <Button startIcon={<ArrowBackIcon />} href={screenHref('projects')} size="small">
          {t('back')}
        </Button>
      </div>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {p.seq}. {p.title}
        </Typography>
        {judged && <StatusChip status={judged.status} light={judged.light} overridden={Boolean(judged.override)} />}
        <Button startIcon={<EditIcon />} onClick={() => setEditing(true)}>
          {t('edit')}
        </Button>
        <Button color="error" startIcon={<DeleteIcon />} onClick={() => void removeProject()}>
          {t('deleteProject')}
        </Button>
      </Stack>
      <Paper variant="outlined" sx={{ p: 2.5 }}>
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('goal')}：</strong>
          {p.goal || '—'}
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('units', { lead: p.leadUnits.join('、') })}
          {p.supportUnits.length > 0 && `；${t('support', { support: p.supportUnits.join('、') })}`}
        </Typography>
        <Typography variant="body2">{t('people', { people: p.responsiblePeople.join('、') || '—', leaders: p.leaders.join('、') || '—' })}</Typography>
      </Paper>

      {judged && (
        <Section
          title={t('judgement')}
          action={
            <Stack direction="row" spacing={1}>
              {judged.override && (
                <Button
                  onClick={() =>
                    void api.call('status.clearOverride', { projectId: id, ...(report.data?.period ? { periodId: report.data.period.id } : {}) }).then(() => {
                      refresh();
                      notify('success', t('overrideCleared'));
                    })
                  }
                >
                  {t('clearOverride')}
                </Button>
              )}
              <Button variant="outlined" onClick={() => setOverriding(true)}>
                {t('override')}
              </Button>
            </Stack>
          }
        >
          <Typography variant="body2" color="text.secondary">
            {report.data?.period
              ? t('judgedAsOf', { asOf: report.data.asOf, period: report.data.period.label })
              : t('judgedAsOfNoPeriod', { asOf: judged.asOf })}
          </Typography>
          <ProgressBar completion={judged.completion} timeProgress={judged.timeProgress} light={judged.light} label={t('status:completion')} />
          <List dense>
            {judged.reasons.map((reason) => (
              <ListItem key={reason} disableGutters>
                <ListItemText primary={reason} />
              </ListItem>
            ))}
          </List>
          {judged.status === 'manual' && progress.data && <StageHintLine narratives={progress.data.narratives} />}
          {judged.override && <Alert severity="info">{t('status:computedWas', { status: t(`status:classes.${judged.computedStatus}`) })}</Alert>}
        </Section>
      )}

      <Section title={t('tasks')}>
        <TasksSection projectId={id} onChanged={history.reload} />
      </Section>

      <Section
        title={t('indicators')}
        action={
          <Button startIcon={<AddIcon />} onClick={() => setIndicatorDialog('new')}>
            {t('addIndicator')}
          </Button>
        }
      >
        {indicators.data?.length === 0 && <Typography color="text.secondary">{t('noIndicators')}</Typography>}
        <Stack spacing={1.5}>
          {(indicators.data ?? []).map((indicator) => {
            const j = judged?.indicators.find((x) => x.id === indicator.id);
            return (
              <Stack key={indicator.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Stack sx={{ width: 300 }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {indicator.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {j ? indicatorReason(j) : `${t(`comparators.${indicator.comparator}`)} ${indicator.target ?? '—'} ${indicator.unit}`}
                  </Typography>
                  {indicator.sourceText && (
                    <Typography variant="caption" color="text.secondary">
                      {t('readFromGoal', { words: indicator.sourceText })}
                    </Typography>
                  )}
                  {progress.data?.actuals
                    .filter((a) => a.indicatorId === indicator.id && a.sourceText)
                    .map((a) => (
                      <Typography key={`${a.unit ?? ''}`} variant="caption" color="text.secondary">
                        {t('readFromProgress', { words: a.unit ? `${a.unit}：${a.sourceText}` : a.sourceText })}
                      </Typography>
                    ))}
                </Stack>
                <div style={{ flex: 1 }}>
                  <ProgressBar completion={j?.completion ?? null} timeProgress={j?.timeProgress ?? 0} light={judged?.light ?? 'none'} label={indicator.name} />
                </div>
                <IconButton aria-label={`${t('indicatorTitleEdit')} ${indicator.name}`} onClick={() => setIndicatorDialog(indicator)}>
                  <EditIcon fontSize="small" />
                </IconButton>
                <IconButton aria-label={`${t('deleteIndicator')} ${indicator.name}`} onClick={() => void remove(indicator)}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            );
          })}
        </Stack>
      </Section>

      <Section title={t('progress')}>
        <ProgressForm project={p} indicators={indicators.data ?? []} year={year} onSaved={refresh} />
      </Section>

      <Section title={t('history')}>
        {history.data?.length === 0 && <Typography color="text.secondary">{t('noHistory')}</Typography>}
        <List dense>
          {(history.data ?? []).toReversed().map((entry, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText primary={entry.summary} secondary={`${localDateTime(entry.at)} · ${entry.actor || '—'}`} />
            </ListItem>
          ))}
        </List>
      </Section>

      {editing && current && (
        <ProjectDialog
          planId={current.id}
          project={p}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            notify('success', t('projects:updated', { title: saved.title }));
            refresh();
            reloadPlans();
          }}
        />
      )}
      {indicatorDialog && (
        <IndicatorDialog
          projectId={id}
          goal={p.goal}
          year={year}
          indicator={indicatorDialog === 'new' ? undefined : indicatorDialog}
          onClose={() => setIndicatorDialog(null)}
          onSaved={() => {
            setIndicatorDialog(null);
            refresh();
          }}
        />
      )}
      {overriding && judged && (
        <OverrideDialog
          projectId={id}
          period={report.data?.period ?? null}
          current={judged.status}
          onClose={() => setOverriding(false)}
          onSaved={(status) => {
            setOverriding(false);
            notify('success', t('overrideSaved', { status: t(`status:classes.${status}`) }));
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
