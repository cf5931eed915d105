import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { ImportBatch, ImportDiff, ImportPreview } from '../../../shared/domain';
import { api, errorMessage } from '../api/client';
import { stagedContent } from '../api/files';
import { DateField } from '../components/DateField';
import { ImportHistory } from '../components/import/ImportHistory';
import { ImportWarnings } from '../components/import/ImportWarnings';
import { DiffTable } from '../components/import/DiffTable';
import { acceptanceOf, figureItems, type FigureChoice } from '../components/import/figureChoices';
import { FiguresList } from '../components/import/FiguresList';
import { MappingTable } from '../components/import/MappingTable';
import { PasteText } from '../components/import/PasteText';
import { ImportTarget, defaultTarget, type TargetChoice } from '../components/import/ImportTarget';
import { ScrolledAlert } from '../components/ScrolledAlert';
import { SheetPreview } from '../components/import/SheetPreview';
import { FilePickButton } from '../components/FilePickButton';
import { usePlans } from '../state/plans';
import { screenHref } from '../state/route';

const steps = ['file', 'table', 'mapping', 'diff', 'done'] as const;
type StepName = (typeof steps)[number];

export function ImportScreen() {
  const { t } = useTranslation('import');
  const { plans, current, select, reload: reloadPlans } = usePlans();
  const [target, setTarget] = useState<TargetChoice | undefined>();
  const [fieldError, setFieldError] = useState<{ target?: string; asOf?: string }>({});
  const [step, setStep] = useState<StepName>('file');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [diff, setDiff] = useState<ImportDiff | null>(null);
  const [asOf, setAsOf] = useState<string | undefined>();
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [choices, setChoices] = useState<Map<string, FigureChoice>>(new Map());
  const figures = useMemo(() => (diff ? figureItems(diff.entries) : []), [diff]);
  const acceptance = useMemo(() => acceptanceOf(figures, choices), [figures, choices]);
  const [source, setSource] = useState<'file' | 'paste'>('file');

  async function run<T>(message: string, work: () => Promise<T>): Promise<T | undefined> {
    setBusy(message);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  async function choose(file: File) {
    const result = await run(t('reading', { name: file.name }), async () => {
      const stage = await api.call('import.stage', { fileName: file.name, ...(await stagedContent(file, window.ledger !== undefined)) });
      return api.call('import.preview', { stagingId: stage.stagingId });
    });
    if (result) {
      setPreview(result);
      setAsOf(undefined);
      setTarget(undefined);
      setFieldError({});
      setStep('table');
    }
  }

  /** Back to the start, nothing written: the staged file is simply forgotten. */
  function startOver() {
    setPreview(null);
    setDiff(null);
    setBatch(null);
    setError(null);
    setFieldError({});
    setStep('file');
  }

  const chosenTarget = preview ? (target ?? defaultTarget(preview, plans, current)) : 'new';
  const planId = chosenTarget === 'new' ? undefined : chosenTarget;

  const view = (p: ImportPreview) => ({ stagingId: p.stagingId, sheet: p.sheet, headerRow: p.headerRow, mapping: p.columns });

  async function repreview(change: { sheet?: string; headerRow?: number; mapping?: ImportPreview['columns'] }) {
    if (!preview) return;
    const next = await run(t('reading', { name: preview.fileName }), () =>
      api.call('import.preview', {
        stagingId: preview.stagingId,
        sheet: change.sheet ?? preview.sheet,
        ...(change.sheet ? {} : { headerRow: change.headerRow ?? preview.headerRow }),
        ...(change.mapping ? { mapping: change.mapping } : {}),
      }),
    );
    if (next) setPreview(next);
  }

  async function toDiff(date = asOf) {
    if (!preview) return;
    // Said beside the control that needs it, before asking the backend.
    const missing = {
      ...(chosenTarget === 'new' && !preview.titlePlan ? { target: t('noTitlePlan') } : {}),
      ...(!(date ?? preview.asOf) ? { asOf: t('noAsOf') } : {}),
    };
    setFieldError(missing);
    if (missing.target || missing.asOf) return;
    const result = await run(t('reading', { name: preview.fileName }), () => api.call('import.diff', { ...view(preview), asOf: date, planId }));
    if (result) {
      setDiff(result);
      setChoices(new Map());
      setStep('diff');
    }
  }

  async function commit() {
    if (!preview) return;
    const result = await run(t('committing'), () => api.call('import.commit', { ...view(preview), asOf, planId, figures: acceptance }));
    if (result) {
      setBatch(result);
      setStep('done');
      setHistoryKey((k) => k + 1);
      reloadPlans();
      if (result.planId) select(result.planId);
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void choose(file);
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }}>
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      <Stepper activeStep={steps.indexOf(step)}>
        {steps.map((s) => (
          <Step key={s}>
            <StepLabel>{t(`steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {busy && (
        <Stack spacing={1}>
          <Typography variant="body2">{busy}</Typography>
          <LinearProgress aria-label={busy} />
        </Stack>
      )}
      {error && step === 'file' && <Alert severity="error">{error}</Alert>}

      {step === 'file' && (
        <Tabs value={source} onChange={(_, value: 'file' | 'paste') => setSource(value)} aria-label={t('sourceTabs')}>
          <Tab value="file" label={t('tabs.file')} />
          <Tab value="paste" label={t('tabs.paste')} />
        </Tabs>
      )}
      {step === 'file' && source === 'paste' && <PasteText disabled={busy !== null} onText={(file) => void choose(file)} />}
      {step === 'file' && source === 'file' && (
        <Paper
          variant="outlined"
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
          sx={{ p: 5, textAlign: 'center', borderStyle: 'dashed', borderWidth: 2 }}
        >
          <UploadFileIcon color="primary" sx={{ fontSize: 48 }} />
          <Typography sx={{ my: 1 }}>{t('drop')}</Typography>
          <FilePickButton
            variant="contained"
            label={t('pick')}
            accept=".xlsx,.xls,.xlsm,.xlsb,.et,.ett,.ods,.csv,.txt,.htm,.html,.docx,.doc"
            onFiles={([file]) => void choose(file!)}
          />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {t('formats')}
          </Typography>
        </Paper>
      )}

      {preview && (step === 'table' || step === 'mapping') && (
        <Alert severity={preview.rowCount ? 'info' : 'warning'}>
          {t('understood', { title: preview.title ?? '—', asOf: preview.asOf ?? '—', unit: preview.reportingUnit ?? '—', rows: preview.rowCount })}
          {preview.profileApplied && ` ${t('profileApplied')}`}
        </Alert>
      )}
      {preview && step !== 'file' && step !== 'done' && <ImportWarnings warnings={preview.warnings} />}
      {preview && step === 'table' && (
        <SheetPreview preview={preview} onSheet={(sheet) => void repreview({ sheet })} onHeaderRow={(headerRow) => void repreview({ headerRow })} />
      )}
      {preview && step === 'mapping' && (
        <>
          <MappingTable preview={preview} onMapping={(mapping) => void repreview({ mapping })} />
          <Stack direction="row" spacing={2}>
            <ImportTarget
              preview={preview}
              plans={plans}
              value={chosenTarget}
              onChange={(value) => {
                setTarget(value);
                setFieldError((e) => ({ ...e, target: undefined }));
              }}
              error={fieldError.target}
            />
            <DateField
              label={t('asOf')}
              value={asOf ?? preview.asOf ?? ''}
              onChange={(date) => {
                setAsOf(date || undefined);
                setFieldError((e) => ({ ...e, asOf: undefined }));
              }}
              error={fieldError.asOf}
              width={200}
            />
          </Stack>
        </>
      )}
      {diff && step === 'diff' && (
        <DiffTable
          diff={diff}
          asOf={asOf ?? diff.period.asOf}
          onAsOf={(date) => {
            setAsOf(date);
            void toDiff(date);
          }}
        />
      )}
      {diff && step === 'diff' && <FiguresList items={figures} choices={choices} onChange={setChoices} />}
      {batch && step === 'done' && <Alert severity="success">{t('done', { file: batch.fileName, ...batch.counts })}</Alert>}

      {error && step !== 'file' && <ScrolledAlert message={error} />}
      <Stack direction="row" spacing={1}>
        {(step === 'mapping' || step === 'diff') && (
          <Button disabled={Boolean(busy)} onClick={() => setStep(step === 'diff' ? 'mapping' : 'table')}>
            {t('back')}
          </Button>
        )}
        {step === 'table' && (
          <Button variant="contained" disabled={Boolean(busy) || !preview?.rowCount} onClick={() => setStep('mapping')}>
            {t('next')}
          </Button>
        )}
        {step === 'mapping' && (
          <Button variant="contained" disabled={Boolean(busy) || !preview?.rowCount} onClick={() => void toDiff()}>
            {t('next')}
          </Button>
        )}
        {step === 'diff' && (
          <Button variant="contained" disabled={Boolean(busy) || !diff || (diff.counts.new + diff.counts.changed === 0 && acceptance.length === 0)} onClick={() => void commit()}>
            {t('commit')}
          </Button>
        )}
        {step === 'done' && (
          <Button variant="contained" href={screenHref('projects')}>
            {t('seeProjects')}
          </Button>
        )}
        {step === 'done' && (
          <Button variant="outlined" onClick={startOver}>
            {t('again')}
          </Button>
        )}
        {step !== 'file' && step !== 'done' && (
          <>
            <Box sx={{ flex: 1 }} />
            <Button disabled={Boolean(busy)} onClick={startOver}>
              {t('repick')}
            </Button>
            <Button disabled={Boolean(busy)} color="inherit" onClick={startOver}>
              {t('cancel')}
            </Button>
          </>
        )}
      </Stack>

      <ImportHistory key={historyKey} onUndone={reloadPlans} />
    </Stack>
  );
}
