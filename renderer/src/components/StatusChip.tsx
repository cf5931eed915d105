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

/** One style object per light, made once: a list of 5,000 projects renders a chip in every visible row as it scrolls. */
const chipStyles = Object.fromEntries(
  (Object.keys(lightColors) as Light[]).map((light) => [
    light,
    { bgcolor: lightColors[light], color: light === 'yellow' ? 'rgba(0,0,0,0.87)' : '#fff', fontWeight: 600 },
  ]),
) as Record<Light, { bgcolor: string; color: string; fontWeight: number }>;

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
        sx={chipStyles[light]}
      />
    </Tooltip>
  );
}
