import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';

interface NoticeAction {
  label: string;
  run(): void;
}

interface Notice {
  key: number;
  severity: 'success' | 'error' | 'info';
  text: string;
  action?: NoticeAction;
}

type Notify = (severity: Notice['severity'], text: string, action?: NoticeAction) => void;
const NoticeContext = createContext<Notify>(() => {});

/** Short confirmations and errors at the bottom of the window. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback<Notify>((severity, text, action) => setNotice({ key: Date.now(), severity, text, action }), []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <Snackbar
        key={notice?.key}
        open={notice !== null}
        autoHideDuration={notice?.severity === 'error' || notice?.action ? 8000 : 3000}
        onClose={(_e, reason) => reason !== 'clickaway' && setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={() => setNotice(null)}
            action={
              notice.action ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    notice.action?.run();
                    setNotice(null);
                  }}
                >
                  {notice.action.label}
                </Button>
              ) : undefined
            }
          >
            {notice.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NoticeContext.Provider>
  );
}

export const useNotify = () => useContext(NoticeContext);
