/**
 * Electron main process (bundled to dist/electron/main.cjs). Thin on purpose (DESIGN §3, §7):
 * it owns the window, the menu and the app:// protocol, and relays API calls to the backend,
 * which runs in a utilityProcess so a slow or hostile file never freezes the window.
 * Everything that can be decided without Electron lives in modules tested in plain Node:
 * app-protocol.ts, security.ts, backend-supervisor.ts, menu.ts, main-world.ts, log-file.ts, relaunch.ts,
 * failure-messages.ts, ../backend/relay-protocol.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  utilityProcess,
  type IpcMainInvokeEvent,
} from 'electron';
import { validateCall } from '../../shared/api/validate';
import { toErrorPayload } from '../../shared/errors';
import { defaultDataDir } from '../backend/paths';
import { errorResult, relayEnv, relayMessages, type CallResult } from '../backend/relay-protocol';
import { appEntryUrl, appScheme, serveAppRequest } from './app-protocol';
import { BackendSupervisor } from './backend-supervisor';
import { ledgerChannel } from './main-world';
import { buildMenuTemplate } from './menu';
import { gaveUpDetail, isPageLoadFailure, pageLoadFailed, preloadFailed, type FailureDialog } from './failure-messages';
import { RotatingLog } from './log-file';
import { relaunchOptions } from './relaunch';
import { selfTestArgs } from './self-test';
import { SelfTestRunner } from './self-test-runner';
import { isAllowedNavigation, isBlockedRequest, isPermissionAllowed, isTrustedSender } from './security';

const appTitle = '民生实事台账';
/** dist/electron (this bundle), beside preload.cjs and utility-host.cjs; the renderer is dist/renderer. */
const bundleDir = __dirname;
const rendererRoot = path.join(bundleDir, '..', 'renderer');

// One data folder for the app, the CLI and `serve` (LEDGER_DATA_DIR overrides it, e.g. in tests); the self-test
// (--self-test) gets a fresh temporary one, removed when it ends. Chromium's own files go to a subfolder.
const selfTest = selfTestArgs(process.argv);
const dataDir = selfTest.enabled ? fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-ledger-self-test-')) : defaultDataDir();
const dbPath = path.join(dataDir, 'ledger.sqlite');
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));
app.setAppLogsPath(path.join(dataDir, 'logs'));
app.enableSandbox();
// A packaged Windows app has no console: everything logged also goes to a rotating file under app.getPath('logs').
const logFile = new RotatingLog({ dir: app.getPath('logs') });

// Must happen before 'ready'. standard+secure give app://ledger a real origin (relative URLs, ES modules,
// storage); no bypassCSP: our own CSP applies.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;
/** Set with --self-test: runs the steps through the page, prints one JSON line and exits 0/1 (self-test-runner.ts). */
const selfTestRunner = selfTest.enabled
  ? new SelfTestRunner({
      dataDir,
      bundleDir,
      ...(selfTest.reportFile ? { reportFile: selfTest.reportFile } : {}),
      ...(process.versions.electron ? { electron: process.versions.electron } : {}),
      writeLine: (line) => {
        process.stdout.write(`${line}\n`);
        logFile.write(`[ledger-self-test] ${line}`);
      },
      log,
      shutdown: () => supervisor?.shutdown() ?? Promise.resolve(),
      exit: (code) => app.exit(code),
    })
  : null;
let supervisor: BackendSupervisor | null = null;
let givingUpShown = false;

function log(message: string, detail?: unknown): void {
  console.error(`[ledger-main] ${message}`, detail ?? '');
  logFile.write(`[ledger-main] ${message}${detail === undefined ? '' : ` ${describeDetail(detail)}`}`);
}

function describeDetail(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? detail.message;
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

/** The backend's output (its own [ledger-backend] lines, and anything a crash prints) goes to the log file too. */
function pipeToLog(stream: NodeJS.ReadableStream | null, echo: NodeJS.WriteStream): void {
  stream?.on('data', (chunk: Buffer | string) => {
    echo.write(chunk);
    logFile.write(String(chunk));
  });
}

function createSupervisor(): BackendSupervisor {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'NODE_OPTIONS') env[key] = value;
  }
  env[relayEnv.dbPath] = dbPath;
  env[relayEnv.appVersion] = app.getVersion();

  return new BackendSupervisor({
    spawn: () => {
      const child = utilityProcess.fork(path.join(bundleDir, 'utility-host.cjs'), [], {
        serviceName: 'Minsheng Ledger Backend',
        stdio: 'pipe',
        env,
      });
      pipeToLog(child.stdout, process.stdout);
      pipeToLog(child.stderr, process.stderr);
      return child;
    },
    onCrash: ({ exitCode, failedCalls, restarting }) =>
      log(`后台进程退出（代码 ${exitCode}），${failedCalls} 个操作失败，${restarting ? '已重新启动' : '不再重启'}`),
    onOpenFailed: (error) => {
      log(`数据库无法打开：${error.code} ${error.message}`);
      void selfTestRunner?.failBefore('backend', `${error.code} ${error.message}`);
    },
    onGiveUp: () => {
      if (selfTestRunner) void selfTestRunner.failBefore('backend', relayMessages.gaveUp);
      else void showGaveUpDialog();
    },
  });
}

async function showGaveUpDialog(): Promise<void> {
  if (givingUpShown) return;
  givingUpShown = true;
  const options = {
    type: 'error' as const,
    title: appTitle,
    message: '后台进程多次意外退出',
    detail: gaveUpDetail(logFile.file),
    buttons: ['重新启动程序', '关闭'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  // The portable and AppImage builds must be relaunched through their launcher file (relaunch.ts).
  if (response === 0) app.relaunch(relaunchOptions(process.env, process.argv));
  app.quit();
}

/** A window that cannot show the app says why instead of staying invisible. */
async function showFailure(win: BrowserWindow, failure: FailureDialog, canReload: boolean): Promise<void> {
  if (selfTestRunner) {
    await selfTestRunner.failBefore(canReload ? 'page' : 'preload', `${failure.message}：${failure.detail}`);
    return;
  }
  if (win.isDestroyed()) return;
  // A page that failed to load never fires ready-to-show: show the window, or the dialog has an invisible parent.
  if (!win.isVisible()) win.show();
  const buttons = canReload ? ['重新加载', '退出'] : ['退出'];
  const { response } = await dialog.showMessageBox(win, {
    type: 'error',
    title: appTitle,
    message: failure.message,
    detail: failure.detail,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  if (canReload && response === 0 && !win.isDestroyed()) win.webContents.reload();
  else app.quit();
}

async function handleCall(event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<CallResult> {
  if (!isTrustedSender(event, mainWindow ? mainWindow.webContents.id : null)) {
    log('拒绝了来自未知页面的调用', event.senderFrame?.url);
    return errorResult({ code: 'FORBIDDEN', message: relayMessages.forbidden });
  }
  let call: { method: string; input: unknown };
  try {
    call = validateCall(method, input);
  } catch (error) {
    return errorResult(toErrorPayload(error));
  }
  if (!supervisor) return errorResult({ code: 'INTERNAL', message: relayMessages.notReady });
  return supervisor.call(call.method, call.input);
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isBlockedRequest(details.url, { development: !app.isPackaged });
    if (cancel) log('已阻止外部请求', details.url);
    callback({ cancel });
  });
  protocol.handle(appScheme, (request) => serveAppRequest(request, rendererRoot));
}

function createWindow(): BrowserWindow {
  const icon = path.join(bundleDir, 'icon.png');
  const win = new BrowserWindow({
    title: appTitle,
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    ...(fs.existsSync(icon) ? { icon } : {}),
    webPreferences: {
      preload: path.join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  win.on('page-title-updated', (event) => event.preventDefault());
  // The self-test never shows its window: it runs on a user's machine or a CI runner without disturbing anyone.
  if (selfTestRunner) {
    const runner = selfTestRunner;
    win.webContents.once('did-finish-load', () => void runner.run((script) => win.webContents.executeJavaScript(script, true)));
  }
  else win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => log('页面进程退出', details.reason));
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isPageLoadFailure(errorCode, isMainFrame)) return;
    log('界面加载失败', { errorCode, errorDescription, url });
    void showFailure(win, pageLoadFailed({ errorCode, errorDescription, url }, logFile.file), true);
  });
  win.webContents.on('preload-error', (_event, preloadPath, error) => {
    log(`预加载脚本出错：${preloadPath}`, error);
    void showFailure(win, preloadFailed(error, logFile.file), false);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(appEntryUrl);
  return win;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `关于${appTitle}`,
    message: `${appTitle} ${app.getVersion()}`,
    detail: `离线桌面应用：跟踪年度重点民生实事的进度、状态判定、签发与报送。\n数据文件：${dbPath}`,
    buttons: ['确定'],
    noLink: true,
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function run(): void {
  // Every web contents, present and future: no webviews, no navigation away, no new windows.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('second-instance', () => focusMainWindow());

  app.on('window-all-closed', () => app.quit());

  // Close the database before quitting: ask the host, wait a little, then let the quit proceed.
  app.on('before-quit', (event) => {
    const current = supervisor;
    if (!current || current.status === 'closed') return;
    event.preventDefault();
    if (current.status === 'shutting-down') return;
    void current.shutdown().finally(() => app.quit());
  });

  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') log(`子进程退出：${details.type} ${details.reason}`, details.exitCode);
  });

  selfTestRunner?.startTimer();

  void app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId('cn.minsheng.ledger');
    hardenSession();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isPackaged: app.isPackaged,
          platform: process.platform,
          appName: appTitle,
          appVersion: app.getVersion(),
          showAbout,
        }),
      ),
    );
    supervisor = createSupervisor();
    supervisor.start();
    ipcMain.handle(ledgerChannel, handleCall);
    mainWindow = createWindow();
  });
}

// The self-test has its own temporary data folder, so another window of the app does not stop it.
if (selfTest.enabled || app.requestSingleInstanceLock()) {
  run();
} else {
  // Another window of the app already owns this data folder: it gets focus (second-instance), we leave.
  app.quit();
}
