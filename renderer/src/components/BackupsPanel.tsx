import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { BackupInfo } from '../../../shared/domain';
import { api, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { localDateTime } from '../../../shared/text/datetime';
import { useConfirm } from '../state/confirm';
import { useNotify } from '../state/notices';
import { BackupTable } from './BackupTable';

/** The copies kept beside the database; enough to see that they are being made, and to make one now. */
const shown = 10;

/** The name of the copy in the backups folder: all the backend accepts, whichever system wrote the path. */
const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;


export function BackupsPanel() {
  const { t } = useTranslation('settings');
  const notify = useNotify();
  const confirm = useConfirm();
  const backups = useQuery('backups.list', {});
  const [busy, setBusy] = useState(false);

  async function restore(backup: BackupInfo) {
    const at = localDateTime(backup.at);
    if (!(await confirm({ title: t('restoreTitle'), message: t('restoreConfirm', { at }), confirmLabel: t('restore'), danger: true }))) return;
    setBusy(true);
    try {
      await api.call('backups.restore', { file: fileName(backup.file) });
      notify('success', t('restored', { at }));
      // Every screen shows the ledger as it was before; start them afresh.
      window.setTimeout(() => window.location.reload(), 800);
    } catch (e) {
      notify('error', errorMessage(e));
      setBusy(false);
    }
  }

  async function backUpNow() {
    setBusy(true);
    try {
      const made = await api.call('backups.create', {});
      notify('success', t('backupMade', { file: made.file }));
      backups.reload();
    } catch (e) {
      notify('error', errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={t('backups')}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {t('backups')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('backupsHelp')}
      </Typography>
      {backups.data && (
        <Typography variant="body2" sx={{ my: 1, wordBreak: 'break-all' }}>
          {t('backupsDir', { dir: backups.data.dir })}
        </Typography>
      )}
      {backups.data && backups.data.backups.length > 0 ? (
        <BackupTable backups={backups.data.backups.slice(0, shown)} busy={busy} label={t('backups')} restoreLabel={t('restore')} onRestore={(b) => void restore(b)} />
      ) : (
        backups.data && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('noBackups')}
          </Typography>
        )
      )}
      <Button variant="outlined" loading={busy} onClick={() => void backUpNow()}>
        {t('backUpNow')}
      </Button>
    </Paper>
  );
}
