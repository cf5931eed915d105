import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';

interface Props {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  options: string[];
  helperText?: string;
  error?: string;
  required?: boolean;
  autoFocus?: boolean;
}

/** Several units or people: pick known ones or type new ones; a pasted "甲、乙" becomes two. */
export function NamesField({ label, value, onChange, options, helperText, error, required, autoFocus }: Props) {
  const split = (items: string[]) => [...new Set(items.flatMap((v) => v.split(/[,，、;；\n]/)).map((v) => v.trim()).filter(Boolean))];
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      options={options}
      value={value}
      onChange={(_event, next) => onChange(split(next))}
      renderValue={(items, getItemProps) =>
        items.map((item, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} label={item} size="small" {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          autoFocus={autoFocus}
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}
