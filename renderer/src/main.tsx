// First, so the shell's first reads are on their way while the rest of the code loads.
import './api/shell-reads';
import { earlyAnswered } from './api/early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import './i18n';
import { theme } from './theme';
import { App } from './App';
import { PlanProvider } from './state/plans';
import { NoticeProvider } from './state/notices';
import { RecoveryGate } from './screens/RecoveryScreen';
import { ConfirmProvider } from './state/confirm';
import { SettingsProvider } from './state/settings';

// The first render waits a moment for those reads: the first screen then renders once, with its plan, instead of
// a progress bar, then an empty shell, then the screen.
void earlyAnswered(250).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <NoticeProvider>
          <ConfirmProvider>
            <RecoveryGate>
              <SettingsProvider>
                <PlanProvider>
                  <App />
                </PlanProvider>
              </SettingsProvider>
            </RecoveryGate>
          </ConfirmProvider>
        </NoticeProvider>
      </ThemeProvider>
    </StrictMode>,
  ),
);
