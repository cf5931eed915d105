import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Divider from '@mui/material/Divider';
import type { Plan } from '../../../shared/domain';
import { api, errorMessage } from '../api/client';
import { useNotify } from '../state/notices';
import { usePlans } from '../state/plans';
import { useConfirm } from '../state/confirm';

// The dialog (and the API's schemas with zod, which it validates with) loads when it is opened, not with the first screen.
const PlanDialog = lazy(() => import('./PlanDialog').then((m) => ({ default: m.PlanDialog })));

const newPlan = '__new__';
const editPlan = '__edit__';

/** Which year's plan the whole window shows; the last entry creates a new one. */
export function PlanSwitcher() {
  const { t } = useTranslation(['plans', 'common']);
  const notify = useNotify();
  const confirm = useConfirm();
  const { plans, current, select, reload } = usePlans();
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);

  async function remove(plan: Plan) {
    if (!(await confirm({ title: t('delete'), message: t('deleteConfirm', { name: plan.name }), confirmLabel: t('common:delete'), danger: true }))) return;
    try {
      await api.call('plans.delete', { id: plan.id });
      setDialog(null);
      reload();
      notify('success', t('deleted', { name: plan.name }), {
        label: t('undo'),
        run: () =>
          void api.call('plans.restore', { id: plan.id }).then(
            () => {
              select(plan.id);
              reload();
            },
            (error: unknown) => notify('error', errorMessage(error)),
          ),
      });
    } catch (error) {
      notify('error', errorMessage(error));
    }
  }

  return (
    <>
      <TextField
        select
        size="small"
        label={t('switcherLabel')}
        value={current ? String(current.id) : ''}
        onChange={(event) => {
          const value = event.target.value;
          if (value === newPlan) setDialog('new');
          else if (value === editPlan) setDialog('edit');
          else select(Number(value));
        }}
        sx={{ minWidth: 280, bgcolor: 'background.paper', borderRadius: 1 }}
        slotProps={{
          inputLabel: { shrink: true, sx: { bgcolor: 'background.paper', px: 0.75, borderRadius: 1 } },
          select: {
            displayEmpty: true,
            renderValue: (v) => (v ? (plans.find((p) => String(p.id) === v)?.name ?? '') : t('none')),
          },
        }}
      >
        {plans.map((plan) => (
          <MenuItem key={plan.id} value={String(plan.id)}>
            {plan.name}（{t('projectCount', { count: plan.projectCount })}）
          </MenuItem>
        ))}
        {plans.length > 0 && <Divider />}
        {current && (
          <MenuItem value={editPlan}>
            <ListItemIcon>
              <EditIcon fontSize="small" />
            </ListItemIcon>
            {t('edit')}
          </MenuItem>
        )}
        <MenuItem value={newPlan}>
          <ListItemIcon>
            <AddIcon fontSize="small" />
          </ListItemIcon>
          {t('new')}
        </MenuItem>
      </TextField>
      {dialog && (
        <Suspense fallback={null}>
          <PlanDialog
            plan={dialog === 'edit' ? (current ?? undefined) : undefined}
            onClose={() => setDialog(null)}
            {...(dialog === 'edit' && current ? { onDelete: () => void remove(current) } : {})}
            onCreated={(plan) => {
              notify('success', t(dialog === 'edit' ? 'updated' : 'created', { name: plan.name }));
              setDialog(null);
              select(plan.id);
              reload();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
