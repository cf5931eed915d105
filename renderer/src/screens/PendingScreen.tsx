import { useTranslation } from 'react-i18next';
import ConstructionIcon from '@mui/icons-material/Construction';
import { EmptyState } from '../components/EmptyState';

/** Says plainly that a part of the app is not built yet, rather than pretending. */
export function PendingScreen({ which }: { which: 'import' | 'export' }) {
  const { t } = useTranslation('pending');
  return (
    <EmptyState
      icon={<ConstructionIcon color="disabled" sx={{ fontSize: 48 }} />}
      title={t(which === 'import' ? 'importTitle' : 'exportTitle')}
      body={t(which === 'import' ? 'importBody' : 'exportBody')}
    />
  );
}
