import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { importFields } from '../../../../shared/api/contract';
import type { ImportPreview } from '../../../../shared/domain';

const ignore = '__ignore__';

/** Each column of the table and what it was taken for; the user corrects the importer's guesses here. */
export function MappingTable({ preview, onMapping }: { preview: ImportPreview; onMapping(mapping: ImportPreview['columns']): void }) {
  const { t } = useTranslation('import');
  const first = preview.rows[0];
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label={t('steps.mapping')}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 60 }}>{t('column')}</TableCell>
            <TableCell>{t('header')}</TableCell>
            <TableCell sx={{ width: 220 }}>{t('field')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.columns.map((column) => (
            <TableRow key={column.index}>
              <TableCell>{String.fromCharCode(65 + (column.index % 26))}</TableCell>
              <TableCell>{column.header || '—'}</TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  fullWidth
                  aria-label={`${t('field')} ${column.header}`}
                  value={column.field ?? ignore}
                  onChange={(e) =>
                    onMapping(
                      preview.columns.map((c) =>
                        c.index === column.index ? { ...c, field: e.target.value === ignore ? null : (e.target.value as (typeof importFields)[number]), confidence: 1 } : c,
                      ),
                    )
                  }
                >
                  <MenuItem value={ignore}>{t('ignore')}</MenuItem>
                  {importFields.map((f) => (
                    <MenuItem key={f} value={f}>
                      {t(`fields.${f}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {first && (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
          {t('firstRow', {
            row: first.sourceRow,
            seq: first.seq ?? '—',
            project: first.project,
            units: first.leadUnits.join('、') || '—',
            people: first.responsiblePeople.join('、') || '—',
            leaders: first.leaders.join('、') || '—',
          })}
        </Typography>
      )}
    </Paper>
  );
}
