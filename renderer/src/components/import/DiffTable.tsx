import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DiffKind, ImportDiff } from '../../../../shared/domain';
import { DateField } from '../DateField';
import { usePaged } from '../Paged';

const kinds: DiffKind[] = ['new', 'changed', 'unchanged', 'conflict'];
const colors = { new: 'success', changed: 'info', unchanged: 'default', conflict: 'error' } as const;

/** What the commit will do, row by row, filtered by kind; nothing is written before the user confirms. */
export function DiffTable({ diff, asOf, onAsOf }: { diff: ImportDiff; asOf: string; onAsOf(date: string): void }) {
  const { t } = useTranslation('import');
  const [shown, setShown] = useState<Set<DiffKind>>(new Set(['new', 'changed', 'conflict']));
  const toggle = (k: DiffKind) => setShown((s) => new Set(s.has(k) ? [...s].filter((x) => x !== k) : [...s, k]));
  const { page, pager } = usePaged(
    diff.entries.filter((e) => shown.has(e.kind)),
    { resetKey: [...shown].join() },
  );
  const sameAsLast = diff.entries.filter((e) => e.sameAsLast).length;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flex: 1 }}>
          {t('target', {
            plan: diff.plan.name,
            year: diff.plan.year,
            isNew: diff.plan.id === null ? t('newPlan') : '',
            period: diff.period.label,
            asOf: diff.period.asOf,
            periodNew: diff.period.id === null ? t('newPeriod') : '',
          })}
        </Typography>
        <DateField label={t('asOf')} value={asOf} onChange={(date) => date && onAsOf(date)} width={180} />
      </Stack>
      <Stack direction="row" spacing={1}>
        {kinds.map((k) => (
          <Chip
            key={k}
            label={`${t(`kinds.${k}`)} ${diff.counts[k]}`}
            color={shown.has(k) ? colors[k] : 'default'}
            variant={shown.has(k) ? 'filled' : 'outlined'}
            onClick={() => toggle(k)}
            aria-pressed={shown.has(k)}
          />
        ))}
      </Stack>
      {diff.counts.conflict > 0 && <Alert severity="warning">{t('conflictNote')}</Alert>}
      {sameAsLast > 0 && <Alert severity="warning">{t('sameAsLastNote', { count: sameAsLast })}</Alert>}
      <Paper variant="outlined" sx={{ maxHeight: 520, overflow: 'auto' }}>
        <Table size="small" stickyHeader aria-label={t('steps.diff')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 60 }}>{t('row')}</TableCell>
              <TableCell sx={{ width: 80 }} />
              <TableCell>{t('fields.project')}</TableCell>
              <TableCell>{t('change')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.map((e) => (
              <TableRow key={e.sourceRow}>
                <TableCell>{e.sourceRow}</TableCell>
                <TableCell>
                  <Chip size="small" label={t(`kinds.${e.kind}`)} color={colors[e.kind]} />
                  {e.sameAsLast && <Chip size="small" sx={{ mt: 0.5 }} color="warning" variant="outlined" label={t('sameAsLast')} />}
                </TableCell>
                <TableCell>
                  {e.seq ? `${e.seq}. ` : ''}
                  {e.title}
                </TableCell>
                <TableCell>
                  {e.conflict && <Typography color="error" variant="body2">{e.conflict}</Typography>}
                  {e.changes.map((c, i) => (
                    <Typography key={i} variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                      <strong>{c.label}：</strong>
                      {c.before ? <s>{c.before.slice(0, 120)}</s> : null}
                      {c.before ? ' → ' : ''}
                      {c.after.slice(0, 300)}
                    </Typography>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {pager}
    </Stack>
  );
}
