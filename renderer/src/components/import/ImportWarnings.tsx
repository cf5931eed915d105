import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import type { ImportWarning } from '../../../../shared/import/understand';

/** Enough to read through; a table with thousands of odd rows needs fixing at the source anyway. */
const listed = 200;

/** What the importer noticed (rows without a unit, totals skipped, unreadable numbers), folded until asked for. */
export function ImportWarnings({ warnings }: { warnings: readonly ImportWarning[] }) {
  const { t } = useTranslation('import');
  const [open, setOpen] = useState(false);
  if (warnings.length === 0) return null;
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('hideWarnings') : t('showWarnings')}
        </Button>
      }
    >
      {t('warningsSummary', { count: warnings.length })}
      <Collapse in={open} unmountOnExit>
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }} aria-label={t('warnings')}>
          {warnings.slice(0, listed).map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
        {warnings.length > listed && t('moreWarnings', { count: warnings.length - listed })}
      </Collapse>
    </Alert>
  );
}
