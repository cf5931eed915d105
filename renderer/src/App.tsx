import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import DashboardIcon from '@mui/icons-material/Dashboard';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import ListAltIcon from '@mui/icons-material/ListAlt';
import SettingsIcon from '@mui/icons-material/Settings';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { FirstStartDialog } from './components/FirstStartDialog';
import { PlanSwitcher } from './components/PlanSwitcher';
import { useSettings } from './state/settings';
import { screenHref, useRoute, type Route, type Screen } from './state/route';
import { OverviewScreen } from './screens/OverviewScreen';

// The first screen comes with the shell; the others (the data grid, the import wizard …) load when opened,
// so the window is usable sooner. Everything is local: loading a screen takes milliseconds.
const ExportScreen = lazy(() => import('./screens/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const ImportScreen = lazy(() => import('./screens/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const ProjectScreen = lazy(() => import('./screens/ProjectScreen').then((m) => ({ default: m.ProjectScreen })));
const ProjectsScreen = lazy(() => import('./screens/ProjectsScreen').then((m) => ({ default: m.ProjectsScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

const drawerWidth = 200;

const navigation: { route: Screen; icon: ReactNode }[] = [
  { route: 'overview', icon: <DashboardIcon /> },
  { route: 'projects', icon: <ListAltIcon /> },
  { route: 'import', icon: <FileUploadIcon /> },
  { route: 'export', icon: <FileDownloadIcon /> },
  { route: 'settings', icon: <SettingsIcon /> },
];

/** `visit` changes each time the menu entry of the screen already open is clicked: that screen starts over. */
function screenOf(route: Route, visit: number): ReactNode {
  switch (route.screen) {
    case 'overview':
      return <OverviewScreen />;
    case 'projects':
      return <ProjectsScreen />;
    case 'project':
      return <ProjectScreen key={route.id} id={route.id} />;
    case 'import':
      return <ImportScreen key={visit} />;
    case 'export':
      return <ExportScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export function App() {
  const { t } = useTranslation(['nav', 'common']);
  const [route] = useRoute();
  const { settings, reload: reloadSettings } = useSettings();
  const [visit, setVisit] = useState(0);

  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 3 }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, letterSpacing: 1 }}>
            {t('common:appName')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <PlanSwitcher />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: drawerWidth, flexShrink: 0, '& .MuiDrawer-paper': { width: drawerWidth, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <List component="nav" aria-label={t('menu')}>
          {navigation.map(({ route: target, icon }) => (
            <ListItemButton
              key={target}
              component="a"
              href={screenHref(target)}
              onClick={() => route.screen === target && setVisit((v) => v + 1)}
              selected={route.screen === target || (route.screen === 'project' && target === 'projects')}
              aria-current={route.screen === target ? 'page' : undefined}
            >
              <ListItemIcon>{icon}</ListItemIcon>
              <ListItemText primary={t(target)} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" id="main" sx={{ flex: 1, p: 3, display: 'flex', flexDirection: 'column', minWidth: 0, overflow: 'auto' }}>
        <Toolbar />
        <Box sx={{ flex: 1, minHeight: 0 }}>
          <Suspense fallback={<LinearProgress aria-label={t('common:loading')} />}>{screenOf(route, visit)}</Suspense>
        </Box>
      </Box>
      {settings && !settings.officeName && <FirstStartDialog settings={settings} onDone={reloadSettings} />}
    </Box>
  );
}
