import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { usePaged } from '../Paged';
import type { FigureChoice, FigureItem } from './figureChoices';

const kindColors = { target: 'primary', actual: 'success', stated: 'warning' } as const;

/** The clause with the figure's own words highlighted, as the department wrote them. */
function Words({ words, mark }: { words: string; mark: string }) {
  const at = mark ? words.indexOf(mark) : -1;
  if (at < 0) return <>{words}</>;
  return (
    <>
      {words.slice(0, at)}
      <mark style={{ background: '#fff1b8', padding: '0 1px' }}>{mark}</mark>
      {words.slice(at + mark.length)}
    </>
  );
}

/**
 * The figures read from the rows' words, one reviewable list (issue #10): nothing is written unless
 * accepted here; a number can be corrected before accepting.
 */
export function FiguresList({
  items,
  choices,
  onChange,
}: {
  items: readonly FigureItem[];
  choices: ReadonlyMap<string, FigureChoice>;
  onChange(next: Map<string, FigureChoice>): void;
}) {
  const { t } = useTranslation('import');
  const { page, pager } = usePaged(items, { perPage: 50 });
  const accepted = items.filter((i) => choices.get(i.id)?.accepted).length;
  const set = (item: FigureItem, change: Partial<FigureChoice>) => {
    const next = new Map(choices);
    const was = next.get(item.id) ?? { accepted: false };
    next.set(item.id, { ...was, ...change });
    // An actual of a target proposed in the same row goes with that target.
    if (change.accepted && item.needs) next.set(item.needs, { ...(next.get(item.needs) ?? {}), accepted: true });
    if (change.accepted === false && item.kind === 'target') {
      for (const other of items) if (other.needs === item.id) next.set(other.id, { ...(next.get(other.id) ?? {}), accepted: false });
    }
    onChange(next);
  };
  const all = (accept: boolean) => onChange(new Map(items.map((i) => [i.id, { ...(choices.get(i.id) ?? {}), accepted: accept }])));
  if (items.length === 0) return <Typography color="text.secondary">{t('figures.none')}</Typography>;
  return (
    <Stack spacing={1} component="section" aria-label={t('figures.label')}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" sx={{ flex: 1 }}>
          {t('figures.title', { count: items.length, accepted })}
        </Typography>
        <Button variant="outlined" onClick={() => all(true)}>
          {t('figures.acceptAll')}
        </Button>
        <Button onClick={() => all(false)} disabled={accepted === 0}>
          {t('figures.rejectAll')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('figures.note')}
      </Typography>
      <Paper variant="outlined" sx={{ maxHeight: 560, overflow: 'auto' }}>
        <Table size="small" stickyHeader aria-label={t('figures.label')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">{t('figures.accept')}</TableCell>
              <TableCell sx={{ width: 180 }}>{t('fields.project')}</TableCell>
              <TableCell sx={{ width: 90 }}>{t('figures.kind')}</TableCell>
              <TableCell>{t('figures.words')}</TableCell>
              <TableCell sx={{ width: 190 }}>{t('figures.value')}</TableCell>
              <TableCell sx={{ width: 200 }}>{t('figures.indicator')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.map((item) => {
              const choice = choices.get(item.id);
              const value = choice?.value !== undefined ? choice.value : item.value;
              return (
                <TableRow key={item.id} selected={Boolean(choice?.accepted)} data-figure={item.id}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={Boolean(choice?.accepted)}
                      onChange={(e) => set(item, { accepted: e.target.checked })}
                      slotProps={{ input: { 'aria-label': t('figures.acceptOne', { words: item.mark }) } }}
                    />
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">{t('figures.row', { row: item.sourceRow, title: item.title })}</Typography>
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={kindColors[item.kind]} label={t(`figures.kinds.${item.kind}`)} />
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">
                      <Words words={item.words} mark={item.mark} />
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {item.kind === 'stated' && item.value === null ? (
                      <Typography variant="body2">{t('figures.done')}</Typography>
                    ) : item.kind === 'target' && item.value === null ? (
                      <Typography variant="body2">{t('figures.milestone')}</Typography>
                    ) : (
                      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                        <TextField
                          size="small"
                          type="number"
                          value={value ?? ''}
                          onChange={(e) => set(item, { value: e.target.value === '' ? null : Number(e.target.value) })}
                          slotProps={{ htmlInput: { 'aria-label': t('figures.edit', { words: item.mark }), min: 0, step: 'any' } }}
                          sx={{ width: 110 }}
                        />
                        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                          {item.unit}
                        </Typography>
                      </Stack>
                    )}
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">{item.kind === 'stated' ? t('figures.statedOf') : item.indicator}</Typography>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      {pager}
    </Stack>
  );
}
