import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { UnitEntry } from '../../../shared/domain';
import { api, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useNotify } from '../state/notices';
import { FormDialog } from './FormDialog';

type Action = { kind: 'alias' | 'merge'; unit: UnitEntry };

/** 区人社局 = 区人力资源和社会保障局: aliases, and merging a unit that was entered twice. */
export function UnitsDirectory() {
  const { t } = useTranslation(['units', 'common']);
  const notify = useNotify();
  const units = useQuery('units.list', {});
  const [action, setAction] = useState<Action | null>(null);
  const [value, setValue] = useState('');

  async function confirm() {
    if (!action) return;
    try {
      if (action.kind === 'alias') {
        await api.call('units.addAlias', { unitId: action.unit.id, alias: value });
        notify('success', t('aliasAdded', { alias: value.trim(), name: action.unit.name }));
      } else {
        const into = await api.call('units.merge', { fromId: action.unit.id, intoId: Number(value) });
        notify('success', t('merged', { from: action.unit.name, into: into.name }));
      }
      setAction(null);
      units.reload();
    } catch (error) {
      notify('error', errorMessage(error));
    }
  }

  const open = (kind: Action['kind'], unit: UnitEntry) => {
    setValue('');
    setAction({ kind, unit });
  };

  return (
    <>
      {units.data?.length === 0 && <Typography color="text.secondary">{t('empty')}</Typography>}
      {(units.data?.length ?? 0) > 0 && (
        <Table size="small" aria-label={t('title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('name')}</TableCell>
              <TableCell>{t('aliases')}</TableCell>
              <TableCell sx={{ width: 90 }}>{t('projects')}</TableCell>
              <TableCell sx={{ width: 200 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {units.data?.map((unit) => (
              <TableRow key={unit.id}>
                <TableCell>{unit.name}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {unit.aliases.map((alias) => (
                      <Chip key={alias} size="small" label={alias} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>{unit.projectCount}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => open('alias', unit)}>
                    {t('addAlias')}
                  </Button>
                  <Button size="small" onClick={() => open('merge', unit)} disabled={(units.data?.length ?? 0) < 2}>
                    {t('merge')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {action && (
        <FormDialog
          title={action.kind === 'alias' ? t('aliasTitle', { name: action.unit.name }) : t('mergeTitle', { name: action.unit.name })}
          onClose={() => setAction(null)}
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
          submitLabel={action.kind === 'alias' ? t('common:save') : t('merge')}
          maxWidth="xs"
        >
          <DialogContentText>{action.kind === 'alias' ? t('aliasHelp') : t('mergeHelp', { name: action.unit.name })}</DialogContentText>
          {action.kind === 'alias' ? (
            <TextField label={t('alias')} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          ) : (
            <TextField select label={t('mergeInto')} value={value} onChange={(e) => setValue(e.target.value)}>
              {units.data
                ?.filter((u) => u.id !== action.unit.id)
                .map((u) => (
                  <MenuItem key={u.id} value={String(u.id)}>
                    {u.name}
                  </MenuItem>
                ))}
            </TextField>
          )}
        </FormDialog>
      )}
    </>
  );
}
