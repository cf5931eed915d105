import Button from '@mui/material/Button';

interface Props {
  label: string;
  accept: string;
  multiple?: boolean;
  variant?: 'outlined' | 'contained';
  onFiles(files: File[]): void;
}

/** A button that opens the system's file picker; picking the same file twice still reports it. */
export function FilePickButton({ label, accept, multiple, variant = 'outlined', onFiles }: Props) {
  return (
    <Button variant={variant} component="label">
      {label}
      <input
        hidden
        type="file"
        accept={accept}
        multiple={multiple}
        aria-label={label}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </Button>
  );
}
