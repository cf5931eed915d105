import { useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';

/** An error said where the user is looking: beside the buttons that caused it, and scrolled into view when it appears. */
export function ScrolledAlert({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), [message]);
  return (
    <Alert ref={ref} severity="error" role="alert">
      {message}
    </Alert>
  );
}
