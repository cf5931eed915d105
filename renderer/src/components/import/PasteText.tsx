import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

/**
 * Text copied from a chat app or from Word (a plan, a bulletin, a report), read like a document: it is handed
 * to the importer as a text file, so it goes through the same steps, limits and checks as any file.
 */
export function PasteText({ disabled, onText }: { disabled: boolean; onText(file: File): void }) {
  const { t } = useTranslation('import');
  const [text, setText] = useState('');
  return (
    <Stack spacing={2}>
      <TextField
        label={t('paste.label')}
        placeholder={t('paste.placeholder')}
        helperText={t('paste.help')}
        multiline
        minRows={10}
        maxRows={14}
        value={text}
        onChange={(e) => setText(e.target.value)}
        slotProps={{ htmlInput: { 'aria-label': t('paste.label') } }}
      />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={disabled || text.trim() === ''} onClick={() => onText(new File([text], t('paste.fileName'), { type: 'text/plain' }))}>
          {t('paste.read')}
        </Button>
        <Button disabled={disabled || text === ''} onClick={() => setText('')}>
          {t('paste.clear')}
        </Button>
      </Stack>
    </Stack>
  );
}
