import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { createProjectInput } from '../../../shared/api/contract';
import type { Project } from '../../../shared/domain';
import { api } from '../api/client';
import { useQuery } from '../api/useQuery';
import { NamesField } from './NamesField';
import { DateField } from './DateField';
import { FormDialog } from './FormDialog';
import { useFormSave } from './validation';

interface Props {
  planId: number;
  /** The project being edited; absent when adding one. */
  project?: Project;
  onClose(): void;
  onSaved(project: Project, created: boolean): void;
}

type Names = 'leadUnits' | 'supportUnits' | 'responsiblePeople' | 'leaders';

/** Adds or edits one project; checked with the same schema the backend enforces. */
export function ProjectDialog({ planId, project, onClose, onSaved }: Props) {
  const { t } = useTranslation(['projects', 'common']);
  const units = useQuery('directory.units', {}).data ?? [];
  const people = useQuery('directory.people', {}).data ?? [];
  const [seq, setSeq] = useState(project ? String(project.seq) : '');
  const [title, setTitle] = useState(project?.title ?? '');
  const [goal, setGoal] = useState(project?.goal ?? '');
  const [deadline, setDeadline] = useState(project?.deadline ?? '');
  const [names, setNames] = useState<Record<Names, string[]>>({
    leadUnits: project?.leadUnits ?? [],
    supportUnits: project?.supportUnits ?? [],
    responsiblePeople: project?.responsiblePeople ?? [],
    leaders: project?.leaders ?? [],
  });
  const input = { planId, seq: seq ? Number(seq) : undefined, title, goal, deadline: deadline || null, ...names };
  const { errors, setErrors, saving, save } = useFormSave({ schema: createProjectInput, input });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (seq && !/^\d+$/.test(seq)) return setErrors({ seq: '编号应为正整数' });
    void save(createProjectInput, input, async (data) => {
      const { planId: _planId, ...fields } = data;
      onSaved(project ? await api.call('projects.update', { id: project.id, ...fields }) : await api.call('projects.create', data), !project);
    });
  }

  const namesField = (key: Names, options: string[], required = false) => (
    <NamesField
      label={t(`fields.${key}`)}
      value={names[key]}
      onChange={(value) => setNames((current) => ({ ...current, [key]: value }))}
      options={options}
      required={required}
      error={errors[key]}
      helperText={t('fields.namesHelp')}
    />
  );

  return (
    <FormDialog
      title={project ? t('dialogEdit') : t('dialogCreate')}
      onClose={onClose}
      onSubmit={submit}
      error={errors._}
      saving={saving}
      maxWidth="md"
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label={t('fields.seq')}
          value={seq}
          onChange={(e) => setSeq(e.target.value)}
          error={Boolean(errors.seq)}
          helperText={errors.seq ?? t('fields.seqHelp')}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ width: 140 }}
        />
        <TextField
          label={t('fields.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          autoFocus
          fullWidth
          error={Boolean(errors.title)}
          helperText={errors.title}
        />
      </Stack>
      <TextField
        label={t('fields.goal')}
        value={goal}
        onChange={(e) => setGoal(e.target.value)}
        multiline
        minRows={3}
        error={Boolean(errors.goal)}
        helperText={errors.goal ?? t('fields.goalHelp')}
      />
      {namesField('leadUnits', units, true)}
      {namesField('supportUnits', units)}
      <Stack direction="row" spacing={2} sx={{ '& > *': { flex: 1 } }}>
        {namesField('responsiblePeople', people)}
        {namesField('leaders', people)}
      </Stack>
      <DateField label={t('fields.deadline')} value={deadline} onChange={setDeadline} error={errors.deadline} width={220} />
    </FormDialog>
  );
}
