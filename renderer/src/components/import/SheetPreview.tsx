import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import type { ImportPreview } from '../../../../shared/domain';

const cellText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The sheet as read: pick the sheet and the header row (click a row, or type its number). */
export function SheetPreview({ preview, onSheet, onHeaderRow }: { preview: ImportPreview; onSheet(sheet: string): void; onHeaderRow(row: number): void }) {
  const { t } = useTranslation('import');
  const width = Math.min(12, Math.max(0, ...preview.grid.map((r) => r.length)));
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2}>
        <TextField select size="small" label={t('sheet')} value={preview.sheet} onChange={(e) => onSheet(e.target.value)} sx={{ minWidth: 240 }}>
          {preview.sheets.map((s) => (
            <MenuItem key={s.name} value={s.name}>
              {s.name}
              {s.hidden ? t('hiddenSheet') : ''}（{s.rows} 行）
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('headerRow')}
          value={preview.headerRow}
          onChange={(e) => onHeaderRow(Number(e.target.value))}
          helperText={t('headerHelp')}
          sx={{ minWidth: 160 }}
        >
          {preview.grid.map((_row, i) => (
            <MenuItem key={i} value={i + 1}>
              第 {i + 1} 行
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Paper variant="outlined" sx={{ maxHeight: 420, overflow: 'auto' }}>
        <Table size="small" aria-label={t('steps.table')}>
          <TableBody>
            {preview.grid.map((row, r) => {
              const isHeader = r + 1 >= preview.headerRow && r + 1 < preview.headerRow + preview.headerRows;
              return (
                <TableRow key={r} hover selected={isHeader} onClick={() => onHeaderRow(r + 1)} sx={{ cursor: 'pointer' }}>
                  <TableCell sx={{ color: 'text.secondary', width: 48 }}>{r + 1}</TableCell>
                  {Array.from({ length: width }, (_, c) => (
                    <TableCell key={c} sx={{ maxWidth: 220, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: isHeader ? 600 : 400 }}>
                      {cellText(row[c])}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
