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
);
