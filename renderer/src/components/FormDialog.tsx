import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(event: FormEvent): void;
  /** Defaults to 保存. */
  submitLabel?: string;
  /** A message for the form as a whole (the backend's refusal, say). */
  error?: string;
  saving?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md';
  /** A button kept apart from 取消/保存, at the left (删除, say). */
  secondaryAction?: ReactNode;
  children: ReactNode;
}

/** Every editing dialog: Enter submits, Esc cancels, the error is said in the dialog itself. */
export function FormDialog({ title, onClose, onSubmit, submitLabel, error, saving, maxWidth = 'sm', secondaryAction, children }: Props) {
  const { t } = useTranslation('common');
  return (
    // scroll="paper": on a 768-pixel screen a long form scrolls inside, and 取消/保存 stay in sight.
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} scroll="paper">
      <form noValidate onSubmit={onSubmit} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          {secondaryAction && <Box sx={{ mr: 'auto' }}>{secondaryAction}</Box>}
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="submit" variant="contained" loading={saving}>
            {submitLabel ?? t('save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
