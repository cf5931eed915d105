// Playwright `_electron` suite for the desktop app (project 'electron', testDir test/e2e/electron).
// It runs wherever an Electron executable exists: `npm start` once on a machine with internet fetches it.
// Here, with no way to download Electron, it skips with a plain message.
//
// Runs against the checkout by default (node_modules/electron + dist/), or against a
// packaged build when LEDGER_E2E_EXECUTABLE names its executable (build that one with
// -c.electronFuses.enableNodeCliInspectArguments=true: Playwright needs --inspect). Its last test runs the
// binary's own --self-test, which needs no inspect fuse (CI runs that on the shipped package as well).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { bundleElectron, projectRoot } from '../../../build/bundle.mjs';
import { buildPlan, electronEnv, findElectronBinary, isStale } from '../../../build/start-lib.mjs';
import type { LedgerApi } from '../../../shared/api/contract';

const packaged = process.env.LEDGER_E2E_EXECUTABLE;
const devBinary = findElectronBinary({ root: projectRoot });
const executablePath = packaged ?? devBinary.path;
const haveElectron = packaged ? fs.existsSync(packaged) : devBinary.found;

const noElectron =
  '没有 Electron 可执行文件（此机器无法下载）：跳过 _electron 测试。在能联网的机器上运行 npm start 一次即可获得。' +
  ' No Electron executable (it cannot be downloaded here): skipping the _electron tests; run npm start once on a machine with internet.';
// The list reporter does not print skip reasons: say it once where the run's output shows it.
if (!haveElectron) console.log(`[electron] ${noElectron}`);
test.skip(!haveElectron, noElectron);

type Ledger = Pick<LedgerApi, 'call'>;
type PageGlobals = { ledger?: Ledger; process?: unknown; require?: unknown; open(url: string): unknown; location: { href: string } };

let dataDir = '';
let app: ElectronApplication;
let page: Page;

function launchEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(electronEnv(process.env))) if (value !== undefined) env[key] = value;
  env.LEDGER_DATA_DIR = dataDir;
  return env;
}

test.beforeAll(async () => {
  if (!packaged) {
    const plan = buildPlan(projectRoot);
    if (isStale(plan.renderer.outputs, plan.renderer.inputs)) {
      const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
      const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
      if (result.status !== 0) throw new Error('vite build failed');
    }
    if (isStale(plan.electron.outputs, plan.electron.inputs)) await bundleElectron();
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-electron-'));
  app = await electron.launch({
    executablePath,
    args: packaged ? [] : [projectRoot],
    cwd: projectRoot,
    env: launchEnv(),
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('opens one window titled 民生实事台账 on app://ledger', async () => {
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
  expect(title).toEqual(['民生实事台账']);
  expect(page.url()).toMatch(/^app:\/\/ledger\//);
  await expect(page.locator('#root')).not.toBeEmpty();
});

test('exposes window.ledger and nothing of Node or Electron', async () => {
  const globals = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return {
      ledger: typeof g.ledger?.call,
      keys: g.ledger ? Object.keys(g.ledger) : [],
      process: typeof g.process,
      require: typeof g.require,
    };
  });
  expect(globals).toEqual({ ledger: 'function', keys: ['call'], process: 'undefined', require: 'undefined' });
});

test('creates a plan through window.ledger and lists it; data goes to LEDGER_DATA_DIR', async () => {
  const name = '2024年县重点民生实事（端到端）';
  const created = await page.evaluate(
    (planName) => (globalThis as unknown as PageGlobals).ledger!.call('plans.create', { year: 2024, level: 'county', name: planName }),
    name,
  );
  expect(created).toMatchObject({ name, year: 2024, level: 'county' });
  const plans = await page.evaluate(() => (globalThis as unknown as PageGlobals).ledger!.call('plans.list', {}));
  expect(plans.map((plan) => plan.name)).toContain(name);
  expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite'))).toBe(true);
  await page.reload();
  await expect(page.getByText(name).first()).toBeVisible({ timeout: 15_000 });
});

test('rejects bad calls with a Chinese message and a code', async () => {
  const failures = await page.evaluate(async () => {
    const ledger = (globalThis as unknown as PageGlobals).ledger as unknown as {
      call(method: string, input: unknown): Promise<unknown>;
    };
    const grab = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: Error & { code?: string }) => ({ code: e.code, message: e.message, isError: e instanceof Error }),
      );
    return {
      unknown: await grab(ledger.call('plans.explode', {})),
      invalid: await grab(ledger.call('plans.create', { year: 1800, level: 'county', name: 'x' })),
    };
  });
  expect(failures.unknown).toMatchObject({ code: 'UNKNOWN_METHOD', isError: true });
  expect(failures.invalid).toMatchObject({ code: 'INVALID_INPUT', isError: true });
  expect(failures.invalid?.message).toMatch(/[\u4e00-\u9fff]/);
});

test('serves the strict CSP and refuses navigation and new windows', async () => {
  const csp = await page.evaluate(() => fetch('app://ledger/index.html').then((r) => r.headers.get('content-security-policy')));
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/ledger\//);
  expect(app.windows()).toHaveLength(1);
});

test('a second instance on the same data folder exits and leaves one window', async () => {
  const second = spawn(executablePath, packaged ? [] : [projectRoot], { cwd: projectRoot, env: launchEnv(), stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.on('exit', (exitCode) => resolve(exitCode)));
  expect(code).toBe(0);
  expect(app.windows()).toHaveLength(1);
});

test('--self-test runs the round trip through the real binary and prints one JSON line', async () => {
  const args = [...(packaged ? [] : [projectRoot]), '--self-test'];
  const child = spawn(executablePath, args, { cwd: projectRoot, env: launchEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.resume();
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  const line = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1) ?? '';
  const report = JSON.parse(line) as { ok: boolean; electron?: string; failed?: string; steps: Array<{ step: string }> };
  expect(report, line).toMatchObject({ ok: true, electron: expect.stringMatching(/^45\./) });
  expect(report.steps.map((s) => s.step)).toEqual(['page', 'app.info', 'plans.create', 'import', 'signoff', 'export', 'verify']);
  expect(code).toBe(0);
  // The self-test used a temporary folder of its own: the suite's data folder has no second plan in it.
  const plans = await page.evaluate(() => (globalThis as unknown as PageGlobals).ledger!.call('plans.list', {}));
  expect(plans.map((plan) => plan.name)).not.toContain('自检-2024年重点民生实事');
});

