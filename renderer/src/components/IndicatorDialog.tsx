import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { createIndicatorInput } from '../../../shared/api/contract';
import { comparators, indicatorKinds, type Indicator } from '../../../shared/domain';
import { suggestIndicators, type IndicatorSuggestion } from '../../../shared/text/suggest';
import { api } from '../api/client';
import { DateField } from './DateField';
import { FormDialog } from './FormDialog';
import { useFormSave } from './validation';

interface Props {
  projectId: number;
  goal: string;
  year: number;
  indicator?: Indicator;
  onClose(): void;
  onSaved(indicator: Indicator): void;
}

/** Adds or edits an indicator; suggestions read from the goal text are offered, never applied unasked. */
export function IndicatorDialog({ projectId, goal, year, indicator, onClose, onSaved }: Props) {
  const { t } = useTranslation(['project', 'common']);
  const [name, setName] = useState(indicator?.name ?? '');
  const [kind, setKind] = useState<string>(indicator?.kind ?? 'count');
  const [comparator, setComparator] = useState<string>(indicator?.comparator ?? '>=');
  const [target, setTarget] = useState(indicator?.target == null ? '' : String(indicator.target));
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [deadline, setDeadline] = useState(indicator?.deadline ?? '');
  const { errors, setErrors, saving, save } = useFormSave();
  const suggestions = useMemo(() => (indicator ? [] : suggestIndicators(goal, { year })), [goal, year, indicator]);

  function adopt(s: IndicatorSuggestion) {
    setName(s.label);
    setDeadline(s.deadline ?? '');
    if (s.kind === 'milestone') {
      setKind('milestone');
      setTarget('');
      setUnit('');
      return;
    }
    setKind(s.kind);
    setComparator(s.comparator);
    setTarget(String(s.target));
    setUnit(s.unit);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const number = target.trim() === '' ? null : Number(target);
    if (number !== null && !Number.isFinite(number)) return setErrors({ target: '目标值应为数字' });
    const input = { projectId, name, kind, comparator, target: number, unit, deadline: deadline || null };
    void save(createIndicatorInput, input, async (data) => {
      const { projectId: _p, ...fields } = data;
      onSaved(indicator ? await api.call('indicators.update', { id: indicator.id, ...fields }) : await api.call('indicators.create', data));
    });
  }

  return (
    <FormDialog
      title={indicator ? t('indicatorTitleEdit') : t('indicatorTitleCreate')}
      onClose={onClose}
      onSubmit={submit}
      error={errors._}
      saving={saving}
    >
      {!indicator && (
        <Stack spacing={1}>
          <Typography variant="body2" color="text.secondary">
            {suggestions.length ? t('suggestions') : t('noSuggestions')}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {suggestions.map((s, i) => (
              <Chip key={i} variant="outlined" color="secondary" label={`${s.label}：${s.source.text}`} onClick={() => adopt(s)} title={s.clause.text} />
            ))}
          </Stack>
        </Stack>
      )}
      <TextField label={t('indicatorName')} value={name} onChange={(e) => setName(e.target.value)} required autoFocus error={Boolean(errors.name)} helperText={errors.name} />
      <Stack direction="row" spacing={2}>
        <TextField select label={t('indicatorKind')} value={kind} onChange={(e) => setKind(e.target.value)} sx={{ width: 160 }}>
          {indicatorKinds.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        {kind !== 'milestone' && (
          <>
            <TextField select label={t('comparator')} value={comparator} onChange={(e) => setComparator(e.target.value)} sx={{ width: 160 }}>
              {comparators.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`comparators.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField label={t('target')} value={target} onChange={(e) => setTarget(e.target.value)} error={Boolean(errors.target)} helperText={errors.target} slotProps={{ htmlInput: { inputMode: 'decimal' } }} sx={{ flex: 1 }} />
            <TextField label={t('unit')} value={unit} onChange={(e) => setUnit(e.target.value)} sx={{ width: 110 }} />
          </>
        )}
      </Stack>
      <DateField label={t('deadline')} value={deadline} onChange={setDeadline} error={errors.deadline} width={220} />
    </FormDialog>
  );
}
