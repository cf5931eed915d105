import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';
import { chineseDate, readTypedDate } from '../../../shared/text/calendar';

interface Props {
  label: string;
  /** YYYY-MM-DD, '' for none, or what was typed while it is not yet a date. */
  value: string;
  /** Called with YYYY-MM-DD once the text is a date, else with the text as typed (the form's check then says why). */
  onChange(value: string): void;
  error?: string;
  helperText?: string;
  required?: boolean;
  autoFocus?: boolean;
  width?: number;
  size?: 'small' | 'medium';
}

/**
 * A date typed as 2022-09-30 or 2022年9月30日. Not the browser's date box: that one shows mm/dd/yyyy on an
 * English system, beside messages asking for YYYY-MM-DD. The date is repeated in words below, to be sure.
 */
export function DateField({ label, value, onChange, error, helperText, required, autoFocus, width, size }: Props) {
  const { t } = useTranslation('common');
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // Follows a value set from outside (a period chosen, a default read from the table).
  if (value !== shown) {
    setShown(value);
    if (readTypedDate(text) !== value) setText(value);
  }
  const iso = readTypedDate(text);
  const problem = error ?? (text.trim() && !iso ? t('dateInvalid') : undefined);
  return (
    <TextField
      label={label}
      value={text}
      size={size}
      onChange={(e) => {
        setText(e.target.value);
        const read = readTypedDate(e.target.value);
        const next = read ?? e.target.value.trim();
        setShown(next);
        onChange(next);
      }}
      placeholder="2022-09-30"
      required={required}
      autoFocus={autoFocus}
      error={Boolean(problem)}
      helperText={problem ?? (iso ? chineseDate(iso) : (helperText ?? t('dateHelp')))}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', 'aria-label': label } }}
      fullWidth={width === undefined}
      sx={width === undefined ? undefined : { width }}
    />
  );
}
