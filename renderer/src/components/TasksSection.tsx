import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { saveTaskInput } from '../../../shared/api/contract';
import type { Task } from '../../../shared/domain';
import { api, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useNotify } from '../state/notices';
import { FormDialog } from './FormDialog';
import { NamesField } from './NamesField';
import { useConfirm } from '../state/confirm';
import { useFormSave } from './validation';

/** 工作任务1…n of a project, each with its own responsible units. */
export function TasksSection({ projectId, onChanged }: { projectId: number; onChanged(): void }) {
  const { t } = useTranslation(['project', 'common']);
  const notify = useNotify();
  const confirm = useConfirm();
  const tasks = useQuery('tasks.list', { projectId });
  const units = useQuery('directory.units', {}).data ?? [];
  const [editing, setEditing] = useState<Task | 'new' | null>(null);

  async function remove(task: Task) {
    if (!(await confirm({ title: t('deleteTaskTitle'), message: t('deleteTaskConfirm', { title: task.title }), confirmLabel: t('common:delete'), danger: true }))) return;
    try {
      await api.call('tasks.delete', { id: task.id });
      tasks.reload();
      onChanged();
      notify('success', t('taskDeleted', { title: task.title }), {
        label: t('undo'),
        run: () =>
          void api.call('tasks.save', { projectId, title: task.title, goal: task.goal, deadline: task.deadline, leadUnits: task.leadUnits }).then(() => {
            tasks.reload();
            onChanged();
          }),
      });
    } catch (error) {
      notify('error', errorMessage(error));
    }
  }

  return (
    <Stack spacing={1}>
      {tasks.data?.length === 0 && <Typography color="text.secondary">{t('noTasks')}</Typography>}
      {tasks.data?.map((task) => (
        <Stack key={task.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" sx={{ flex: 1 }}>
            <strong>{t('taskNumber', { seq: task.seq })}</strong>
            {task.title}
            {task.leadUnits.length > 0 && (
              <Typography component="span" variant="body2" color="text.secondary">
                {'　'}
                {t('taskUnits', { units: task.leadUnits.join('、') })}
              </Typography>
            )}
          </Typography>
          <IconButton aria-label={`${t('editTask')} ${task.seq}`} onClick={() => setEditing(task)}>
            <EditIcon fontSize="small" />
          </IconButton>
          <IconButton aria-label={`${t('deleteTask')} ${task.seq}`} onClick={() => void remove(task)}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <div>
        <Button startIcon={<AddIcon />} onClick={() => setEditing('new')}>
          {t('addTask')}
        </Button>
      </div>
      {editing && (
        <TaskDialog
          projectId={projectId}
          task={editing === 'new' ? undefined : editing}
          units={units}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            tasks.reload();
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}

function TaskDialog({ projectId, task, units, onClose, onSaved }: { projectId: number; task?: Task; units: string[]; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation(['project', 'projects', 'common']);
  const [title, setTitle] = useState(task?.title ?? '');
  const [leadUnits, setLeadUnits] = useState(task?.leadUnits ?? []);
  const { errors, saving, save } = useFormSave();

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(saveTaskInput, { projectId, id: task?.id, title, leadUnits }, async (data) => {
      await api.call('tasks.save', data);
      onSaved();
    });
  }

  return (
    <FormDialog title={task ? t('editTask') : t('addTask')} onClose={onClose} onSubmit={submit} error={errors._} saving={saving}>
      <TextField label={t('taskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus multiline minRows={2} error={Boolean(errors.title)} helperText={errors.title} />
      <NamesField
        label={t('taskLeadUnits')}
        value={leadUnits}
        onChange={setLeadUnits}
        options={units}
        error={errors.leadUnits}
        helperText={t('projects:fields.namesHelp')}
      />
    </FormDialog>
  );
}
