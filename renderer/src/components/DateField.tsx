import TextField from '@mui/material/TextField';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  helperText?: string;
  required?: boolean;
  autoFocus?: boolean;
  width?: number;
}

/** A YYYY-MM-DD date with the browser's own picker; the error, when any, replaces the help text. */
export function DateField({ label, value, onChange, error, helperText, required, autoFocus, width }: Props) {
  return (
    <TextField
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      autoFocus={autoFocus}
      error={Boolean(error)}
      helperText={error ?? helperText}
      slotProps={{ inputLabel: { shrink: true } }}
      fullWidth={width === undefined}
      sx={width === undefined ? undefined : { width }}
    />
  );
}
