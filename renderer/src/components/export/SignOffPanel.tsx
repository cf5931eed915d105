import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Period, SignOffRevision } from '../../../../shared/domain';
import { api, errorMessage } from '../../api/client';
import { fromBase64, saveFile } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { useNotify } from '../../state/notices';
import { FormDialog } from '../FormDialog';
import { checkCount, SignOffCheckList } from './SignOffCheckList';
import { SignOffStep, signOffRoles, startingName } from './SignOffStep';
import { SnapshotTable } from './TablePreview';
import { BulletinPanel } from './BulletinPanel';

const order = ['prepared', 'reviewed', 'signed'] as const;

/** 填表人 → 审核人 → 签发领导 for one period; the signed revision is exported and never changes. */
export function SignOffPanel({ period, userName }: { period: Period; userName: string }) {
  const { t } = useTranslation(['export', 'common']);
  const notify = useNotify();
  const revisions = useQuery('signoff.list', { periodId: period.id });
  const latest: SignOffRevision | undefined = revisions.data?.at(-1);
  const snapshot = useQuery('signoff.snapshot', latest && latest.state !== 'draft' ? { id: latest.id } : null);
  const lastNames = useQuery('signoff.lastNames', {});
  const [revising, setRevising] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [seen, setSeen] = useState(false);

  const refresh = () => {
    revisions.reload();
    snapshot.reload();
    setSeen(false);
    lastNames.reload();
  };
  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      notify('success', done);
      refresh();
    } catch (e) {
      notify('error', errorMessage(e));
    }
  }
  async function download(format: 'xlsx' | 'csv') {
    try {
      const file = await api.call('export.period', { periodId: period.id, format });
      saveFile(file.fileName, fromBase64(file.contentBase64), format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      notify('success', t('exported', { file: file.fileName }));
    } catch (e) {
      notify('error', errorMessage(e));
    }
  }

  const state = latest?.state ?? 'draft';
  const signedCount = revisions.data?.filter((r) => r.state === 'signed').length ?? 0;
  const stepIndex = state === 'draft' ? 0 : order.indexOf(state) + 1;
  // The check is shown from the first step on; the signature waits until it has been seen.
  const check = useQuery('signoff.check', state !== 'signed' ? { periodId: period.id } : null);
  const mustSee = stepIndex === 2 && checkCount(check.data) > 0 && !seen;
  const role = signOffRoles[Math.min(stepIndex, 2)]!;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {(revisions.data ?? []).map((r) => (
          <Chip key={r.id} label={`${t('revision', { n: r.revision })}：${t(`states.${r.state}`)}`} color={r.state === 'signed' ? 'success' : 'default'} variant={r.id === latest?.id ? 'filled' : 'outlined'} />
        ))}
        {revisions.data?.length === 0 && <Chip label={t('none')} variant="outlined" />}
      </Stack>
      <Stepper activeStep={stepIndex}>
        {signOffRoles.map((r) => (
          <Step key={r}>
            <StepLabel>{t(r)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {latest && latest.reason && <Alert severity="info">{t('revision', { n: latest.revision })}：{latest.reason}</Alert>}

      {state !== 'signed' && check.data && <SignOffCheckList check={check.data} seen={seen} onSeen={setSeen} />}
      {state !== 'signed' ? (
        lastNames.data && (
          <SignOffStep
            key={`${latest?.id ?? 0}-${state}`}
            period={period}
            role={role}
            latest={latest}
            blocked={mustSee}
            initialName={startingName(role, lastNames.data, userName, latest)}
            onDone={(message) => {
              notify('success', message);
              refresh();
            }}
          />
        )
      ) : (
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={() => void download('xlsx')}>
            {t('exportXlsx')}
          </Button>
          <Button variant="outlined" onClick={() => void download('csv')}>
            {t('exportCsv')}
          </Button>
          <Button onClick={() => setRevising(true)}>{t('revise')}</Button>
        </Stack>
      )}

      {snapshot.data && (
        <>
          {!snapshot.data.office && <Alert severity="warning">{t('officeMissing')}</Alert>}
          <Typography variant="subtitle2">{t('preview')}</Typography>
          <SnapshotTable snapshot={snapshot.data} />
        </>
      )}

      {signedCount > 0 && <BulletinPanel key={signedCount} period={period} />}

      {revising && (
        <FormDialog
          title={t('reviseTitle')}
          onClose={() => setRevising(false)}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length < 2) return setReasonError('请写明更正的原因');
            void act(async () => {
              const created = await api.call('signoff.revise', { periodId: period.id, reason });
              setRevising(false);
              setReason('');
              return created;
            }, t('revised', { n: (latest?.revision ?? 0) + 1 }));
          }}
          maxWidth="xs"
        >
          <Typography variant="body2">{t('reviseHelp')}</Typography>
          <TextField label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus multiline minRows={2} error={Boolean(reasonError)} helperText={reasonError} />
        </FormDialog>
      )}
    </Stack>
  );
}
