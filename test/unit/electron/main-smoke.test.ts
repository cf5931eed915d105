// Loads the real dist bundle of the main process against a recording stand-in for the 'electron' module:
// no Electron binary here, but this checks the wiring main.ts does with it (order before/after ready,
// window options, protocol, IPC sender check, relay to the utility process, quit sequence).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron, projectRoot } from '../../../build/bundle.mjs';
import { contentSecurityPolicy } from '../../../electron/main/app-protocol';
import { openBackend } from '../../../electron/backend/backend';
import { startRelayHost } from '../../../electron/backend/relay-host';
import { createLedgerApi } from '../../../electron/main/main-world';

const outDir = path.join(projectRoot, 'node_modules', '.cache', `ledger-main-test-${process.pid}`);
let dataDir = '';
let source = '';

beforeAll(async () => {
  const [file] = await bundleElectron({ outDir, only: ['main.cjs'] });
  source = fs.readFileSync(file ?? '', 'utf8');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-main-smoke-'));
});
afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

class FakeChild extends EventEmitter {
  posted: unknown[] = [];
  stdout = null;
  stderr = null;
  postMessage(message: unknown) {
    this.posted.push(message);
    const m = message as { kind: string; id?: number; method?: string };
    if (m.kind === 'call') setImmediate(() => this.emit('message', { kind: 'result', id: m.id, result: { ok: true, value: m.method } }));
    if (m.kind === 'shutdown') setImmediate(() => this.emit('exit', 0));
  }
  kill() {
    return true;
  }
}

type Fork = (env: Record<string, string>) => EventEmitter & { postMessage(message: unknown): void; kill(): boolean };

function fakeElectron(options: { gotLock: boolean; fork?: Fork }) {
  const calls: string[] = [];
  let ready = false;
  let resolveReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (resolveReady = resolve));
  const appEvents = new EventEmitter();
  const paths: Record<string, string> = {};
  const windows: Array<{ options: Record<string, unknown>; loaded?: string; webContents: { id: number } }> = [];
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  const forks: Array<{ modulePath: string; options: { env: Record<string, string>; stdio: unknown }; child: FakeChild }> = [];
  const dialogs: Array<{ message: string; detail: string }> = [];
  let resolveExit: (code: number) => void = () => undefined;
  const exited = { promise: new Promise<number>((resolve) => (resolveExit = resolve)), resolve: (code: number) => resolveExit(code) };
  let executeJavaScript: (script: string) => Promise<unknown> = () => Promise.reject(new Error('no page'));
  let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
  const record = (name: string) => {
    calls.push(`${name}${ready ? '' : ' (before ready)'}`);
  };
  const electron = {
    app: Object.assign(appEvents, {
      isPackaged: false,
      setPath: (name: string, value: string) => {
        record(`app.setPath ${name}`);
        paths[name] = value;
      },
      setAppLogsPath: (value: string) => {
        record('app.setAppLogsPath');
        paths.logs = value;
      },
      getPath: (name: string) => paths[name] ?? '',
      enableSandbox: () => record('app.enableSandbox'),
      requestSingleInstanceLock: () => {
        record('app.requestSingleInstanceLock');
        return options.gotLock;
      },
      quit: () => {
        record('app.quit');
        const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
        appEvents.emit('before-quit', event);
        if (!event.defaultPrevented) record('app.quit done');
      },
      whenReady: () => whenReady,
      getVersion: () => '0.1.0',
      setAppUserModelId: () => undefined,
      relaunch: () => record('app.relaunch'),
      exit: (code: number) => {
        record(`app.exit ${code}`);
        exited.resolve(code);
      },
    }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        record('protocol.registerSchemesAsPrivileged');
        calls.push(JSON.stringify(schemes));
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        record(`protocol.handle ${scheme}`);
        protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => record('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => record('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => record('setDevicePermissionHandler'),
        webRequest: { onBeforeRequest: () => record('webRequest.onBeforeRequest') },
      },
    },
    Menu: {
      buildFromTemplate: (template: Array<{ label: string }>) => template.map((item) => item.label),
      setApplicationMenu: (labels: string[]) => record(`Menu ${labels.join('/')}`),
    },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
        record(`ipcMain.handle ${channel}`);
        handlers[channel] = handler;
      },
    },
    utilityProcess: {
      fork: (modulePath: string, _args: string[], forkOptions: { env: Record<string, string>; stdio: unknown }) => {
        record('utilityProcess.fork');
        const child = (options.fork?.(forkOptions.env) ?? new FakeChild()) as FakeChild;
        forks.push({ modulePath, options: forkOptions, child });
        return child;
      },
    },
    BrowserWindow: class extends EventEmitter {
      webContents = Object.assign(new EventEmitter(), {
        id: 42,
        reload: () => record('webContents.reload'),
        executeJavaScript: (script: string) => executeJavaScript(script),
      });
      visible = false;
      isDestroyed() {
        return false;
      }
      isVisible() {
        return this.visible;
      }
      show() {
        record('win.show');
        this.visible = true;
      }
      constructor(windowOptions: Record<string, unknown>) {
        super();
        record('new BrowserWindow');
        windows.push(Object.assign(this, { options: windowOptions }));
      }
      loadURL(url: string) {
        (this as unknown as { loaded: string }).loaded = url;
        return Promise.resolve();
      }
    },
    dialog: {
      showMessageBox: async (_win: unknown, options: { message: string; detail: string }) => {
        dialogs.push(options);
        return { response: 1 };
      },
    },
  };
  return {
    electron,
    calls,
    paths,
    windows,
    handlers,
    forks,
    dialogs,
    exited: exited.promise,
    setPage: (execute: (script: string) => Promise<unknown>) => (executeJavaScript = execute),
    appEvents,
    protocol: () => protocolHandler,
    becomeReady: async () => {
      ready = true;
      resolveReady();
      await whenReady;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

function loadMain(fake: ReturnType<typeof fakeElectron>, argv: string[] = []) {
  const realRequire = createRequire(path.join(outDir, 'main.cjs'));
  const module = { exports: {} };
  const wrapper = vm.runInThisContext(`(function (require, module, exports, __filename, __dirname) {${source}\n})`) as (
    ...args: unknown[]
  ) => void;
  const fakeRequire = (name: string) => (name === 'electron' ? fake.electron : realRequire(name));
  const previous = process.env.LEDGER_DATA_DIR;
  const previousArgv = process.argv;
  process.env.LEDGER_DATA_DIR = dataDir;
  process.argv = [...previousArgv, ...argv];
  try {
    wrapper(fakeRequire, module, module.exports, path.join(outDir, 'main.cjs'), outDir);
  } finally {
    process.argv = previousArgv;
    if (previous === undefined) delete process.env.LEDGER_DATA_DIR;
    else process.env.LEDGER_DATA_DIR = previous;
  }
}

describe('main.cjs wiring (against a stand-in electron module)', () => {
  it('quits at once when another instance holds the lock', () => {
    const fake = fakeElectron({ gotLock: false });
    loadMain(fake);
    expect(fake.calls).toContain('app.quit (before ready)');
    expect(fake.windows).toHaveLength(0);
    expect(fake.paths.userData).toBe(dataDir);
  });

  it('sets up paths, scheme and sandbox before ready, then the session, window, backend and IPC', async () => {
    const fake = fakeElectron({ gotLock: true });
    loadMain(fake);
    const beforeReady = [...fake.calls];
    expect(beforeReady).toEqual([
      'app.setPath userData (before ready)',
      'app.setPath sessionData (before ready)',
      'app.setAppLogsPath (before ready)',
      'app.enableSandbox (before ready)',
      'protocol.registerSchemesAsPrivileged (before ready)',
      expect.stringContaining('"scheme":"app"'),
      'app.requestSingleInstanceLock (before ready)',
    ]);
    expect(fake.paths.userData).toBe(dataDir);
    await fake.becomeReady();

    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'protocol.handle app',
        'setPermissionRequestHandler',
        'setPermissionCheckHandler',
        'webRequest.onBeforeRequest',
        'Menu 文件/编辑/视图/帮助',
        'utilityProcess.fork',
        'ipcMain.handle ledger:call',
        'new BrowserWindow',
      ]),
    );
    const [win] = fake.windows;
    expect(win?.options).toMatchObject({
      title: '民生实事台账',
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toBe(path.join(outDir, 'preload.cjs'));
    expect((win as unknown as { loaded: string }).loaded).toBe('app://ledger/index.html');

    const [fork] = fake.forks;
    expect(fork?.modulePath).toBe(path.join(outDir, 'utility-host.cjs'));
    expect(fork?.options.env.LEDGER_DB_PATH).toBe(path.join(dataDir, 'ledger.sqlite'));

    // app:// answers with the CSP (the renderer folder does not exist beside this test bundle: 404 is fine).
    const response = await fake.protocol()!(new Request('app://ledger/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);

    // IPC: sender checked, input validated in main, then relayed to the utility process.
    const handle = fake.handlers['ledger:call']!;
    const trusted = { sender: { id: 42 }, senderFrame: { url: 'app://ledger/index.html', parent: null } };
    await expect(handle(trusted, 'plans.list', {})).resolves.toEqual({ ok: true, value: 'plans.list' });
    await expect(handle({ ...trusted, sender: { id: 7 } }, 'plans.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(
      handle({ sender: { id: 42 }, senderFrame: { url: 'https://evil.example/', parent: null } }, 'plans.list', {}),
    ).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(handle(trusted, 'plans.create', { year: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(handle(trusted, 'nope', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(fork?.child.posted).toEqual([{ kind: 'call', id: 1, method: 'plans.list', input: {} }]);
    // The backend's output is piped (into the log file), and main's own log lines land in logs/main.log.
    expect(fork?.options.stdio).toBe('pipe');
    expect(fake.paths.logs).toBe(path.join(dataDir, 'logs'));
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('拒绝了来自未知页面的调用 https://evil.example/');

    // Quit: the first before-quit is held until the backend has closed the database.
    fake.electron.app.quit();
    expect(fake.calls.filter((c) => c.startsWith('app.quit'))).toEqual(['app.quit']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fork?.child.posted.at(-1)).toEqual({ kind: 'shutdown' });
    expect(fake.calls.filter((c) => c.startsWith('app.quit'))).toEqual(['app.quit', 'app.quit', 'app.quit done']);
  });

  it('says in Chinese why the page or the preload failed, naming the log file, instead of an invisible window', async () => {
    const fake = fakeElectron({ gotLock: true });
    loadMain(fake);
    await fake.becomeReady();
    const contents = (fake.windows[0] as unknown as { webContents: EventEmitter }).webContents;
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://ledger/index.html', true);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://ledger/x.png', false);
    expect(fake.dialogs).toHaveLength(0);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://ledger/index.html', true);
    contents.emit('preload-error', {}, '/x/preload.cjs', new Error('boom'));
    await new Promise((resolve) => setImmediate(resolve));
    const logPath = path.join(dataDir, 'logs', 'main.log');
    expect(fake.dialogs.map((d) => d.message)).toEqual(['程序界面无法加载', '程序组件加载失败']);
    expect(fake.calls).toContain('win.show'); // the dialog's window is on screen, not hidden behind show: false
    for (const d of fake.dialogs) expect(d.detail).toContain(logPath);
    expect(fs.readFileSync(logPath, 'utf8')).toContain('预加载脚本出错：/x/preload.cjs');
  });

  it('--self-test drives the steps through the page’s window.ledger, the IPC relay and a real backend, then exits 0', async () => {
    // The utility process: the real relay host and backend in this process, behind the same message shapes.
    const fork: Fork = (env) => {
      const toHost = new EventEmitter();
      const child = Object.assign(new EventEmitter(), {
        stdout: null,
        stderr: null,
        postMessage: (message: unknown) => toHost.emit('message', { data: structuredClone(message) }),
        kill: () => true,
      });
      startRelayHost(
        { on: (_event, listener) => toHost.on('message', listener), postMessage: (message) => child.emit('message', structuredClone(message)) },
        { env, open: openBackend, exit: (code) => setImmediate(() => child.emit('exit', code)), log: () => undefined },
      );
      return child;
    };
    const fake = fakeElectron({ gotLock: false, fork });
    const reportFile = path.join(dataDir, 'self-test.json');
    loadMain(fake, ['--self-test', `--self-test-report=${reportFile}`]);
    await fake.becomeReady();
    // The page: the preload's own window.ledger over the IPC handler main registered (as a trusted sender).
    const trusted = { sender: { id: 42 }, senderFrame: { url: 'app://ledger/index.html', parent: null } };
    const invoke = (method: string, input: unknown) => fake.handlers['ledger:call']!(trusted, method, structuredClone(input)) as Promise<unknown>;
    const world = vm.createContext({ window: { ledger: createLedgerApi(invoke) }, atob });
    fake.setPage(async (script) => vm.runInContext(script, world) as unknown);
    const [win] = fake.windows as unknown as Array<EventEmitter & { webContents: EventEmitter }>;
    expect(win!.listenerCount('ready-to-show')).toBe(0); // never shown
    win!.webContents.emit('did-finish-load');

    expect(await fake.exited).toBe(0);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { ok: boolean; steps: Array<{ step: string; ok: boolean }> };
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.step)).toEqual(['page', 'app.info', 'plans.create', 'import', 'signoff', 'export', 'verify']);
    // Its own temporary data folder, gone afterwards; the user's folder untouched.
    const tempDb = fake.forks[0]!.options.env.LEDGER_DB_PATH!;
    expect(path.dirname(tempDb)).not.toBe(dataDir);
    expect(path.basename(path.dirname(tempDb))).toMatch(/^minsheng-ledger-self-test-/);
    expect(fs.existsSync(path.dirname(tempDb))).toBe(false);
  }, 60_000);

  it('--self-test exits 1 naming "page" when the page fails to load, without a dialog', async () => {
    const fake = fakeElectron({ gotLock: false });
    const reportFile = path.join(dataDir, 'self-test-failed.json');
    loadMain(fake, ['--self-test', `--self-test-report=${reportFile}`]);
    await fake.becomeReady();
    const contents = (fake.windows[0] as unknown as { webContents: EventEmitter }).webContents;
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://ledger/index.html', true);
    expect(await fake.exited).toBe(1);
    expect(fake.dialogs).toHaveLength(0);
    expect(JSON.parse(fs.readFileSync(reportFile, 'utf8'))).toMatchObject({ ok: false, failed: 'page', steps: [{ step: 'page', ok: false }] });
  });
});

