import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Period, SignOffNames, SignOffRevision } from '../../../../shared/domain';
import { optionalColumns, type OptionalColumn } from '../../../../shared/snapshot';
import { api, errorMessage } from '../../api/client';

export const signOffRoles = ['preparer', 'reviewer', 'signer'] as const;
type Role = (typeof signOffRoles)[number];

/**
 * The name a step starts with: the last one used in this same role (the preparer falls back to the user),
 * never the name just entered at the step before — one person must not slip into two roles by pressing Enter.
 */
export function startingName(role: Role, last: SignOffNames, userName: string, revision: SignOffRevision | undefined): string {
  if (role === 'preparer') return last.preparer || userName;
  const earlier = role === 'reviewer' ? revision?.preparer : revision?.reviewer;
  return last[role] && last[role] !== earlier ? last[role] : '';
}

interface Props {
  period: Period;
  role: Role;
  latest: SignOffRevision | undefined;
  initialName: string;
  /** The pre-sign-off check has not been looked at yet: signing waits for it. */
  blocked?: boolean;
  onDone(message: string): void;
}

/** One step of 填表人 → 审核人 → 签发领导: its own name field, refused beside the field, Enter submits. */
export function SignOffStep({ period, role, latest, initialName, blocked, onDone }: Props) {
  const { t } = useTranslation(['export', 'common']);
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [columns, setColumns] = useState<OptionalColumn[]>(['status', 'completion']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    if (!name.trim()) return setError(t('nameRequired', { role: t(role) }));
    setBusy(true);
    try {
      if (role === 'preparer') {
        await api.call('signoff.prepare', { periodId: period.id, preparer: name, columns });
        onDone(t('prepared'));
      } else if (role === 'reviewer') {
        await api.call('signoff.review', { id: latest!.id, reviewer: name });
        onDone(t('reviewed'));
      } else {
        await api.call('signoff.sign', { id: latest!.id, signer: name });
        onDone(t('signed', { n: latest!.revision }));
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="form" noValidate onSubmit={(e: FormEvent) => void submit(e)}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          size="small"
          label={t(role)}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
          required
          autoFocus
          error={Boolean(error)}
          helperText={error}
          sx={{ minWidth: 220, maxWidth: 480 }}
        />
        {role === 'preparer' && (
          <Stack direction="row" sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ mr: 1 }}>
              {t('columns')}
            </Typography>
            {optionalColumns.map((c) => (
              <FormControlLabel
                key={c}
                label={t(`columnNames.${c}`)}
                control={<Checkbox checked={columns.includes(c)} onChange={(e) => setColumns(e.target.checked ? [...columns, c] : columns.filter((x) => x !== c))} />}
              />
            ))}
          </Stack>
        )}
        <Button type="submit" variant="contained" loading={busy} disabled={blocked} sx={{ mt: 0.25 }}>
          {role === 'preparer' ? t('prepare') : role === 'reviewer' ? t('review') : t('sign')}
        </Button>
      </Stack>
    </Paper>
  );
}
