import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import EventNoteIcon from '@mui/icons-material/EventNote';
import Button from '@mui/material/Button';
import { EmptyState } from '../components/EmptyState';
import { useNotify } from '../state/notices';
import { usePlans } from '../state/plans';

// The dialog (and the API's schemas with zod, which it validates with) loads when it is opened, not with the first screen.
const PlanDialog = lazy(() => import('../components/PlanDialog').then((m) => ({ default: m.PlanDialog })));

/** Shown wherever a plan is needed and none exists yet. */
export function NoPlan() {
  const { t } = useTranslation(['projects', 'plans']);
  const notify = useNotify();
  const { select, reload } = usePlans();
  const [open, setOpen] = useState(false);
  return (
    <>
      <EmptyState
        icon={<EventNoteIcon color="primary" sx={{ fontSize: 48 }} />}
        title={t('noPlanTitle')}
        body={t('noPlanBody')}
        action={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
            {t('createPlan')}
          </Button>
        }
      />
      {open && (
        <Suspense fallback={null}>
          <PlanDialog
            onClose={() => setOpen(false)}
            onCreated={(plan) => {
              setOpen(false);
              select(plan.id);
              reload();
              notify('success', t('plans:created', { name: plan.name }));
            }}
          />
        </Suspense>
      )}
    </>
  );
}
