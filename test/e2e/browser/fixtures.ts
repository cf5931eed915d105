import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import type { Input, MethodName, Output } from '../../../shared/api/contract';

const repo = path.resolve(import.meta.dirname, '../../..');

export interface LedgerServer {
  /** The URL `ledger serve` printed first, token included. */
  url: string;
  dbPath: string;
  /** Stops the server and starts a new one on the same database (new port, new token); `whileStopped` runs between. */
  restart(whileStopped?: () => void): Promise<void>;
  /** Calls the API directly, as the page would, to set up data quickly. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

async function startServe(dbPath: string): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(path.join(repo, 'node_modules', '.bin', 'tsx'), [path.join(repo, 'electron/cli/main.ts'), 'serve', '--db', dbPath], {
    env: { ...process.env, LEDGER_RENDERER_DIR: path.join(repo, 'dist', 'renderer') },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code) => reject(new Error(`ledger serve exited with ${code}: ${err}`)));
  });
  return { url, child };
}

function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ ledger: LedgerServer; firstStart: boolean }>({
  /**
   * A ledger as on the day it was installed: no office name yet, so the app asks for it. Off by default: tests
   * start from an office that has been set up (测试县人民政府办公室, used by 测试员), as every office is after its first day.
   */
  firstStart: [false, { option: true }],
  ledger: async ({ firstStart }, use) => {
    if (!fs.existsSync(path.join(repo, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm run test:e2e does).');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'));
    const dbPath = path.join(dir, 'ledger.sqlite');
    let server = await startServe(dbPath);
    const ledger: LedgerServer = {
      url: server.url,
      dbPath,
      async restart(whileStopped) {
        await stop(server.child);
        whileStopped?.();
        server = await startServe(dbPath);
        ledger.url = server.url;
      },
      async call(method, input) {
        const url = new URL(ledger.url);
        const reply = await fetch(new URL(`/api/${method}`, url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': url.searchParams.get('token')! },
          body: JSON.stringify(input),
        });
        const body = (await reply.json()) as { ok: boolean; result: never; error?: { message: string } };
        if (!body.ok) throw new Error(body.error?.message);
        return body.result;
      },
    };
    if (!firstStart) await ledger.call('settings.update', { officeName: '测试县人民政府办公室', officeLevel: 'county', officeRegion: '测试县', userName: '测试员' });
    await use(ledger);
    await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/**
 * Where a test's screenshot goes: test-results/screenshots, or the README's build/screenshots when
 * LEDGER_SCREENSHOTS=1 (so an ordinary test run leaves the tracked pictures alone).
 */
export function screenshotPath(name: string): string {
  const dir = process.env.LEDGER_SCREENSHOTS === '1' ? path.join(repo, 'build', 'screenshots') : path.join(repo, 'test-results', 'screenshots');
  return path.join(dir, name);
}
