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
import { useQuery } from '../api/useQuery';
import { EmptyState } from '../components/EmptyState';
import { ProjectDialog } from '../components/ProjectDialog';
import { useNotify } from '../state/notices';
import { usePlans } from '../state/plans';
import { NoPlan } from './NoPlan';

const joined = (names: string[]) => names.join('、');

export function ProjectsScreen() {
  const { t } = useTranslation(['projects', 'common']);
  const notify = useNotify();
  const { current, reload: reloadPlans } = usePlans();
  const projects = useQuery('projects.list', current ? { planId: current.id } : null);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);

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

  const columns = useMemo<GridColDef<Project>[]>(
    () => [
      { field: 'seq', headerName: t('columns.seq'), width: 80, type: 'number', align: 'center', headerAlign: 'center' },
      { field: 'title', headerName: t('columns.title'), flex: 2, minWidth: 220 },
      { field: 'leadUnits', headerName: t('columns.leadUnits'), flex: 1.2, minWidth: 160, valueGetter: joined },
      { field: 'supportUnits', headerName: t('columns.supportUnits'), flex: 1, minWidth: 140, valueGetter: joined },
      { field: 'responsiblePeople', headerName: t('columns.responsiblePeople'), width: 120, valueGetter: joined },
      { field: 'leaders', headerName: t('columns.leaders'), width: 120, valueGetter: joined },
      { field: 'deadline', headerName: t('columns.deadline'), width: 120 },
    ],
    [t],
  );

  if (!current) return <NoPlan />;

  const rows = projects.data ?? [];
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
            onRowDoubleClick={({ row }) => setEditing(row)}
            onCellKeyDown={({ row }, event) => {
              if (event.key === 'Enter') setEditing(row);
            }}
            getRowHeight={() => 'auto'}
            sx={{ border: 0, '& .MuiDataGrid-cell': { py: 0.75 } }}
          />
        </Paper>
      )}
      {editing && (
        <ProjectDialog
          planId={current.id}
          project={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(project, created) => {
            setEditing(null);
            notify('success', t(created ? 'created' : 'updated', { title: project.title }));
            projects.reload();
            reloadPlans();
          }}
        />
      )}
    </Stack>
  );
}
