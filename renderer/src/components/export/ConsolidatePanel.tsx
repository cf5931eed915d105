import { useState } from 'react';
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
import Typography from '@mui/material/Typography';
import { formatPercent } from '../../../../shared/status/format';
import { api, errorMessage } from '../../api/client';
import { fromBase64, readAsBase64, saveFile } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { FilePickButton } from '../FilePickButton';
import { useNotify } from '../../state/notices';

/** Subordinate offices' sealed tables, verified on receipt, side by side in one table. */
export function ConsolidatePanel() {
  const { t } = useTranslation('export');
  const notify = useNotify();
  const received = useQuery('consolidate.list', {});
  const [chosen, setChosen] = useState<number[]>([]);
  const view = useQuery('consolidate.view', chosen.length ? { ids: chosen } : null);

  async function add(files: File[]) {
    for (const file of files) {
      try {
        const table = await api.call('consolidate.add', { fileName: file.name, contentBase64: await readAsBase64(file) });
        notify(table.valid ? 'success' : 'error', table.valid ? t('receivedValid', { office: table.office }) : t('receivedInvalid', { office: table.office, n: table.changes }));
        setChosen((c) => [...new Set([...c, table.id])]);
      } catch (e) {
        notify('error', errorMessage(e));
      }
    }
    received.reload();
  }

  async function remove(id: number) {
    await api.call('consolidate.remove', { id });
    setChosen((c) => c.filter((x) => x !== id));
    received.reload();
  }

  async function exportTable() {
    try {
      const file = await api.call('consolidate.export', { ids: chosen });
      saveFile(file.fileName, fromBase64(file.contentBase64), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      notify('success', t('exported', { file: file.fileName }));
    } catch (e) {
      notify('error', errorMessage(e));
    }
  }

  const data = view.data;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={t('consolidateTitle')}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {t('consolidateTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('consolidateHelp')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
        <FilePickButton label={t('consolidatePick')} accept=".xlsx" multiple onFiles={(files) => void add(files)} />
        <Button variant="contained" disabled={!data} onClick={() => void exportTable()}>
          {t('consolidateExport')}
        </Button>
      </Stack>
      {(received.data?.length ?? 0) > 0 && (
        <Table size="small" aria-label={t('receivedList')}>
          <TableBody>
            {received.data?.map((r) => (
              <TableRow key={r.id}>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={chosen.includes(r.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, r.id] : c.filter((x) => x !== r.id)))}
                    slotProps={{ input: { 'aria-label': r.office } }}
                  />
                </TableCell>
                <TableCell>{r.office}</TableCell>
                <TableCell>
                  {r.planName}（截至 {r.periodAsOf}）
                </TableCell>
                <TableCell>
                  <Chip size="small" color={r.valid ? 'success' : 'error'} label={r.valid ? t('sealOk') : t('sealAltered', { n: r.changes })} />{' '}
                  <Chip size="small" variant="outlined" color={r.knownSigner ? 'default' : 'warning'} label={r.knownSigner ? t('trustedSigner') : t('untrustedSigner')} />
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => void remove(r.id)}>
                    {t('remove')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {view.error && <Typography color="error">{view.error}</Typography>}
      {data && (
        <Paper variant="outlined" sx={{ mt: 2, overflow: 'auto' }}>
          <Typography align="center" sx={{ fontWeight: 700, pt: 1 }}>
            {data.title}（{data.period}）
          </Typography>
          <Table size="small" aria-label={data.title}>
            <TableHead>
              <TableRow>
                <TableCell>编号</TableCell>
                <TableCell>工作任务</TableCell>
                {data.offices.map((o) => (
                  <TableCell key={o.office} sx={{ bgcolor: o.valid ? undefined : '#ffebee' }}>
                    {o.office}
                    {o.valid ? '' : t('alteredMark')}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((row) => (
                <TableRow key={row.seq}>
                  <TableCell>{row.seq}</TableCell>
                  <TableCell sx={{ minWidth: 200 }}>{row.task.split(/[。；]/)[0]}</TableCell>
                  {row.cells.map((cell, i) => (
                    <TableCell key={i} sx={{ whiteSpace: 'pre-wrap', minWidth: 220, verticalAlign: 'top' }}>
                      {cell ? `${cell.status ? `【${cell.status}${cell.completion != null ? ` ${formatPercent(cell.completion)}` : ''}】` : ''}${cell.progress}` : '—'}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Paper>
  );
}
