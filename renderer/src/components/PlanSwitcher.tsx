import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Divider from '@mui/material/Divider';
import { useNotify } from '../state/notices';
import { usePlans } from '../state/plans';
import { PlanDialog } from './PlanDialog';

const newPlan = '__new__';

/** Which year's plan the whole window shows; the last entry creates a new one. */
export function PlanSwitcher() {
  const { t } = useTranslation('plans');
  const notify = useNotify();
  const { plans, current, select, reload } = usePlans();
  const [dialogOpen, setDialogOpen] = useState(false);

  return (
    <>
      <TextField
        select
        size="small"
        label={t('switcherLabel')}
        value={current ? String(current.id) : ''}
        onChange={(event) => (event.target.value === newPlan ? setDialogOpen(true) : select(Number(event.target.value)))}
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
        <MenuItem value={newPlan}>
          <ListItemIcon>
            <AddIcon fontSize="small" />
          </ListItemIcon>
          {t('new')}
        </MenuItem>
      </TextField>
      <PlanDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        onCreated={(plan) => {
          setDialogOpen(false);
          select(plan.id);
          reload();
          notify('success', t('created', { name: plan.name }));
        }}
      />
    </>
  );
}
