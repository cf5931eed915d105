import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { Light, StatusClass } from '../../../shared/status/types';

export const lightColors: Record<Light, string> = {
  green: '#2e7d32',
  yellow: '#f9a825',
  red: '#c62828',
  none: '#9e9e9e',
};

/** A project's class with its light as the chip's colour; the light is also said in words for screen readers. */
export function StatusChip({ status, light, overridden }: { status: StatusClass; light: Light; overridden?: boolean }) {
  const { t } = useTranslation('status');
  const label = `${t(`classes.${status}`)}${overridden ? '（人工）' : ''}`;
  return (
    <Tooltip title={t(`lights.${light}`)}>
      <Chip
        size="small"
        label={label}
        aria-label={`${label}，${t(`lights.${light}`)}`}
        sx={{
          bgcolor: lightColors[light],
          color: light === 'yellow' ? 'rgba(0,0,0,0.87)' : '#fff',
          fontWeight: 600,
        }}
      />
    </Tooltip>
  );
}
