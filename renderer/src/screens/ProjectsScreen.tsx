import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { Project } from '../../../shared/domain';
import { formatPercent } from '../../../shared/status/format';
import type { Light, StatusClass } from '../../../shared/status/types';
import { useQuery } from '../api/useQuery';
import { EmptyState } from '../components/EmptyState';
import { ProjectDialog } from '../components/ProjectDialog';
import { StatusChip } from '../components/StatusChip';
import { useWholePage } from '../components/useWholePage';
import { projectHref, useRoute } from '../state/route';
import { usePlanStatus } from '../state/status';
import { useNotify } from '../state/notices';
import { usePlans } from '../state/plans';
import { NoPlan } from './NoPlan';

const joined = (names: string[]) => names.join('、');

interface Row extends Project {
  status?: StatusClass;
  light?: Light;
  overridden?: boolean;
  completion?: number | null;
}

/** Rows as tall as their wrapped titles. A stable function: a new one makes the grid measure every row again. */
const autoRowHeight = () => 'auto' as const;

export function ProjectsScreen() {
  const { t } = useTranslation(['projects', 'status', 'common']);
  const [, go] = useRoute();
  const notify = useNotify();
  const { current, reload: reloadPlans } = usePlans();
  const projects = useQuery('projects.list', current ? { planId: current.id } : null);
  const status = usePlanStatus();
  const [editing, setEditing] = useState<'new' | null>(null);

  // Ctrl+N adds a project, as in any desktop program.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n' && current) {
        event.preventDefault();
        setEditing('new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current]);

  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      // Numbers as written: the grid's own formatter for numbers calls toLocaleString on every cell drawn.
      { field: 'seq', headerName: t('columns.seq'), width: 64, type: 'number', align: 'center', headerAlign: 'center', valueFormatter: String },
      // Widths that fit 1366×768 beside the menu, 完成时限 included.
      { field: 'title', headerName: t('columns.title'), flex: 2, minWidth: 180 },
      {
        field: 'status',
        headerName: t('status:status'),
        width: 130,
        renderCell: ({ row }) => (row.status && row.light ? <StatusChip status={row.status} light={row.light} overridden={row.overridden} /> : null),
      },
      {
        field: 'completion',
        headerName: t('status:completion'),
        width: 90,
        type: 'number',
        valueFormatter: (value: number | null | undefined) => (value == null ? '—' : formatPercent(value)),
      },
      { field: 'leadUnits', headerName: t('columns.leadUnits'), flex: 1.2, minWidth: 160, valueGetter: joined },
      { field: 'supportUnits', headerName: t('columns.supportUnits'), flex: 1, minWidth: 110, valueGetter: joined },
      { field: 'responsiblePeople', headerName: t('columns.responsiblePeople'), width: 96, valueGetter: joined },
      { field: 'leaders', headerName: t('columns.leaders'), width: 96, valueGetter: joined },
      { field: 'deadline', headerName: t('columns.deadline'), width: 110 },
    ],
    [t],
  );

  // The same array while nothing changed: a new one makes the grid work through every row again.
  const rows = useMemo<Row[]>(() => {
    const judged = new Map(status.data?.projects.map((j) => [j.projectId, j]));
    return (projects.data ?? []).map((p) => {
      const j = judged.get(p.id);
      return { ...p, status: j?.status, light: j?.light, overridden: Boolean(j?.override), completion: j?.completion };
    });
  }, [projects.data, status.data]);
  const wholePage = useWholePage(rows.length > 0);

  if (!current) return <NoPlan />;
  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1">
          {t('title')}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} title={t('addShortcut')}>
          {t('add')}
        </Button>
      </Stack>
      {projects.error && (
        <Alert severity="error" action={<Button onClick={projects.reload}>{t('common:retry')}</Button>}>
          {t('common:loadFailed', { message: projects.error })}
        </Alert>
      )}
      {!projects.loading && !projects.error && rows.length === 0 ? (
        <EmptyState
          icon={<PlaylistAddIcon color="primary" sx={{ fontSize: 48 }} />}
          title={t('emptyTitle')}
          body={t('emptyBody')}
          action={
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
              {t('add')}
            </Button>
          }
        />
      ) : (
        <Paper variant="outlined" sx={{ flex: 1, minHeight: 360 }}>
          <DataGrid
            rows={rows}
            columns={columns}
            loading={projects.loading}
            density="compact"
            disableRowSelectionOnClick
            // One click opens a project, as a row of a list does; the pointer says so.
            onRowClick={({ row }) => go(projectHref(row.id))}
            onCellKeyDown={({ row }, event) => {
              if (event.key === 'Enter') go(projectHref(row.id));
            }}
            getRowHeight={autoRowHeight}
            disableVirtualization={wholePage}
            sx={{ border: 0, '& .MuiDataGrid-cell': { py: 0.75 }, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
          />
        </Paper>
      )}
      {editing && (
        <ProjectDialog
          planId={current.id}
          onClose={() => setEditing(null)}
          onSaved={(project, created) => {
            setEditing(null);
            notify('success', t(created ? 'created' : 'updated', { title: project.title }));
            projects.reload();
            status.reload();
            reloadPlans();
          }}
        />
      )}
    </Stack>
  );
}
