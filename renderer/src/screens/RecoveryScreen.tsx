import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { BackupInfo, RecoveryState } from '../../../shared/domain';
import { api, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { BackupTable } from '../components/BackupTable';
import { localDateTime } from '../../../shared/text/datetime';

type Damaged = Extract<RecoveryState, { damaged: true }>;

const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * Shown instead of the app when the ledger will not open: what is wrong, the backups beside it, and a restore
 * that keeps the damaged file aside. Nothing else can be done with a damaged ledger, so nothing else is offered.
 */
export function RecoveryScreen({ state }: { state: Damaged }) {
  const { t } = useTranslation('recovery');
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ at: string; aside: string } | null>(null);

  async function restore(backup: BackupInfo) {
    setBusy(true);
    setError(null);
    try {
      const aside = await api.call('backups.restore', { file: fileName(backup.file) });
      setDone({ at: localDateTime(backup.at), aside: aside.file });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setChosen(null);
    }
  }

  return (
    <Box component="main" sx={{ p: 4, maxWidth: 960, mx: 'auto' }}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={1.5}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
            {t('title')}
          </Typography>
          <Typography>{t('intro')}</Typography>
          <Alert severity="error">{t('reason', { message: state.message })}</Alert>
          <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
            {t('dbPath', { path: state.dbPath })}
          </Typography>
          <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
            {t('backupsDir', { dir: state.backupsDir })}
          </Typography>
          {done ? (
            <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
              <Alert severity="success" sx={{ wordBreak: 'break-all' }}>
                {t('restored', done)}
              </Alert>
              <Button variant="contained" onClick={() => window.location.reload()}>
                {t('openLedger')}
              </Button>
            </Stack>
          ) : state.backups.length === 0 ? (
            <Alert severity="info">{t('noBackups')}</Alert>
          ) : (
            <BackupTable backups={state.backups} busy={busy} label={t('backups')} restoreLabel={t('restore')} onRestore={setChosen} />
          )}
          {busy && <LinearProgress aria-label={t('restoring')} />}
          {chosen && !busy && (
            <Alert
              severity="warning"
              action={
                <Stack direction="row" spacing={1}>
                  <Button color="inherit" onClick={() => setChosen(null)}>
                    {t('confirmNo')}
                  </Button>
                  <Button variant="contained" color="warning" onClick={() => void restore(chosen)}>
                    {t('confirmYes')}
                  </Button>
                </Stack>
              }
            >
              {t('confirm', { at: localDateTime(chosen.at) })}
            </Alert>
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </Paper>
    </Box>
  );
}

/** Asks the backend once whether the ledger opened; shows the recovery screen instead of `children` if not. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const state = useQuery('app.recovery', {});
  if (state.data?.damaged) return <RecoveryScreen state={state.data} />;
  // An older backend, or one that cannot answer, is treated as "opened": the app shows its own errors then.
  if (!state.data && !state.error) return <LinearProgress />;
  return children;
}
