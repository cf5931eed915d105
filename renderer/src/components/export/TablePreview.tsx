import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatPercent } from '../../../../shared/status/format';
import { localDateTime } from '../../../../shared/text/datetime';
import type { PeriodSnapshot } from '../../../../shared/snapshot';

const dateOf = (iso: string | null) => (iso ? localDateTime(iso).split(' ')[0]! : '');

/** The table as it will print: the same rows and columns the exported workbook carries. */
export function SnapshotTable({ snapshot }: { snapshot: PeriodSnapshot }) {
  const { t } = useTranslation('export');
  // Narrow padding and widths: all columns, 时序进度 last, fit the export screen at 1366×768.
  const cell = { px: 1, border: '1px solid', borderColor: 'grey.400', verticalAlign: 'top', whiteSpace: 'pre-wrap', fontFamily: '"FangSong", "仿宋", serif' };
  const extra = snapshot.columns;
  const [y, m, d] = snapshot.period.asOf.split('-').map(Number);
  return (
    <Paper variant="outlined" sx={{ p: 2, overflow: 'auto' }} aria-label={t('preview')}>
      <Typography variant="h6" component="h3" align="center" sx={{ fontWeight: 700 }}>
        {snapshot.plan.name}工作任务推进情况表
      </Typography>
      <Typography variant="body2" sx={{ display: 'flex', justifyContent: 'space-between', my: 1 }}>
        <span>{t('office', { office: snapshot.office || '—' })}</span>
        <span>{t('asOf', { date: `${y}年${m}月${d}日` })}</span>
      </Typography>
      <Table size="small" sx={{ borderCollapse: 'collapse' }}>
        <TableHead>
          <TableRow>
            {(['seq', 'task', 'units', 'people', 'leaders', 'progress', ...extra] as const).map((h) => (
              <TableCell key={h} align="center" sx={{ ...cell, fontWeight: 700, whiteSpace: 'nowrap' }}>
                {t(`headers.${h}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {snapshot.rows.map((r) => (
            <TableRow key={r.seq}>
              <TableCell align="center" sx={cell}>
                {r.seq}
              </TableCell>
              <TableCell sx={{ ...cell, minWidth: 200 }}>{r.task}</TableCell>
              <TableCell sx={{ ...cell, minWidth: 96 }}>{r.units.join('\n')}</TableCell>
              <TableCell sx={{ ...cell, minWidth: 64 }}>{r.responsiblePeople.join('\n')}</TableCell>
              <TableCell sx={{ ...cell, minWidth: 64 }}>{r.leaders.join('\n')}</TableCell>
              <TableCell sx={{ ...cell, minWidth: 200 }}>{r.progress}</TableCell>
              {extra.includes('status') && <TableCell sx={{ ...cell, minWidth: 72 }}>{r.status}</TableCell>}
              {extra.includes('completion') && <TableCell sx={cell}>{r.completion == null ? '—' : formatPercent(r.completion)}</TableCell>}
              {extra.includes('timeProgress') && <TableCell sx={cell}>{r.timeProgress == null ? '—' : formatPercent(r.timeProgress)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 2 }}>
        {t('signBlock', {
          preparer: snapshot.signOff.preparer,
          reviewer: snapshot.signOff.reviewer,
          signer: snapshot.signOff.signer,
          date: dateOf(snapshot.signOff.signedAt),
        })}
      </Typography>
    </Paper>
  );
}
