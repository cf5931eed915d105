import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatPercent } from '../../../shared/status/format';
import type { Light } from '../../../shared/status/types';
import { lightColors } from './StatusChip';

/** Completion against the time schedule: the bar is completion, the tick is where the schedule stands. */
export function ProgressBar({ completion, timeProgress, light, label }: { completion: number | null; timeProgress: number; light: Light; label: string }) {
  const value = completion === null ? 0 : Math.min(completion, 1) * 100;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
      <Box sx={{ position: 'relative', flex: 1 }}>
        <LinearProgress
          variant="determinate"
          value={value}
          aria-label={label}
          sx={{ height: 10, borderRadius: 5, bgcolor: 'grey.200', '& .MuiLinearProgress-bar': { bgcolor: lightColors[light], borderRadius: 5 } }}
        />
        <Box
          aria-hidden
          sx={{ position: 'absolute', top: -3, bottom: -3, width: 2, bgcolor: 'text.primary', left: `calc(${timeProgress * 100}% - 1px)` }}
        />
      </Box>
      <Typography variant="body2" sx={{ width: 56, textAlign: 'right' }}>
        {completion === null ? '—' : formatPercent(completion)}
      </Typography>
    </Box>
  );
}
