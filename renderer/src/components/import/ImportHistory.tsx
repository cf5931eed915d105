import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ImportBatch } from '../../../../shared/domain';
import { api, errorMessage } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { localDateTime } from '../../../../shared/text/datetime';
import { useConfirm } from '../../state/confirm';
import { useNotify } from '../../state/notices';

/** Every import, newest first; the latest of a plan can be undone. */
export function ImportHistory({ onUndone }: { onUndone(): void }) {
  const { t } = useTranslation('import');
  const notify = useNotify();
  const confirm = useConfirm();
  const batches = useQuery('import.batches', {});
  // Undoing a large import takes a few seconds: the button shows it, and cannot be pressed twice.
  const [undoing, setUndoing] = useState<number | null>(null);

  async function undo(batch: ImportBatch) {
    if (!(await confirm({ title: t('undoTitle'), message: t('undoConfirm', { file: batch.fileName }), confirmLabel: t('undoButton'), danger: true }))) return;
    setUndoing(batch.id);
    try {
      await api.call('import.undo', { batchId: batch.id });
      notify('success', t('undoDone', { file: batch.fileName }));
      batches.reload();
      onUndone();
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setUndoing(null);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={t('history')}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {t('history')}
      </Typography>
      {batches.data?.length === 0 && <Typography color="text.secondary">{t('noHistory')}</Typography>}
      <List dense>
        {batches.data?.map((b) => (
          <ListItem
            key={b.id}
            disableGutters
            secondaryAction={
              b.undoneAt ? (
                <Typography variant="body2" color="text.secondary">
                  {t('undone')}
                </Typography>
              ) : b.undoable ? (
                <Button size="small" loading={undoing === b.id} disabled={undoing !== null} onClick={() => void undo(b)}>
                  {t('undo')}
                </Button>
              ) : null
            }
          >
            <ListItemText
              primary={t('historyLine', { at: localDateTime(b.importedAt), file: b.fileName, ...b.counts })}
              secondary={`SHA-256 ${b.sha256.slice(0, 16)}… · ${b.actor || '—'}`}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
