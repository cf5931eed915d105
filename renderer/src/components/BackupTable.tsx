import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { BackupInfo } from '../../../shared/domain';
import { localDateTime } from '../../../shared/text/datetime';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The ledger's backups, newest first, each with a button to put it back (设置 and the recovery screen). */
export function BackupTable(props: { backups: readonly BackupInfo[]; busy: boolean; label: string; restoreLabel: string; onRestore: (b: BackupInfo) => void }) {
  const { t } = useTranslation('common');
  return (
    <Table size="small" aria-label={props.label} sx={{ mb: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('backup.at')}</TableCell>
          <TableCell>{t('backup.kind')}</TableCell>
          <TableCell align="right">{t('backup.size')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {props.backups.map((b) => (
          <TableRow key={b.file}>
            <TableCell title={b.file}>{localDateTime(b.at)}</TableCell>
            <TableCell>{t(`backup.kinds.${b.kind}`)}</TableCell>
            <TableCell align="right">{size(b.bytes)}</TableCell>
            <TableCell align="right">
              <Button size="small" variant="outlined" disabled={props.busy} onClick={() => props.onRestore(b)}>
                {props.restoreLabel}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
