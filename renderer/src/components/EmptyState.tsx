import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** Tells a user who sees nothing what to do next. */
export function EmptyState({ icon, title, body, action }: { icon?: ReactNode; title: string; body: string; action?: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 5, textAlign: 'center' }}>
      <Stack spacing={2} sx={{ alignItems: 'center', maxWidth: 560, mx: 'auto' }}>
        {icon}
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Typography color="text.secondary">{body}</Typography>
        {action}
      </Stack>
    </Paper>
  );
}
