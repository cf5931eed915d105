import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '../api/useQuery';

export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'common']);
  const info = useQuery('app.info', {});
  const rows: [string, string][] = info.data
    ? [
        [t('version'), info.data.version],
        [t('schemaVersion'), String(info.data.schemaVersion)],
        [t('dbPath'), info.data.dbPath],
        [t('journalMode'), info.data.journalMode === 'wal' ? t('journalWal') : t('journalOther', { mode: info.data.journalMode })],
      ]
    : [];
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      {info.error && <Alert severity="error">{t('common:loadFailed', { message: info.error })}</Alert>}
      <Paper variant="outlined">
        <Typography variant="subtitle1" component="h2" sx={{ px: 2, pt: 2, fontWeight: 600 }}>
          {t('about')}
        </Typography>
        <Table size="small" aria-label={t('about')}>
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row" sx={{ width: 160, color: 'text.secondary' }}>
                  {label}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
          {t('backupHint')}
        </Typography>
      </Paper>
    </Stack>
  );
}
