// The real utility-host bundle in a real child process, driven by the real supervisor and backend.
// Electron's process.parentPort is stood in for by Node's IPC channel (a few lines of shim below);
// everything else — bundle, relay protocol, backend, better-sqlite3 (Node build) — is what the app runs.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron, projectRoot } from '../../../build/bundle.mjs';
import { BackendSupervisor, type ChildLike } from '../../../electron/main/backend-supervisor';
import { relayMessages, type CallResult, type HostRequest } from '../../../electron/backend/relay-protocol';
import * as XLSX from 'xlsx';
import { selfTestWorkbook, type SheetWriter } from '../../../electron/main/self-test';
import { validateCall } from '../../../shared/api/validate';

const outDir = path.join(projectRoot, 'node_modules', '.cache', `ledger-host-test-${process.pid}`);
let hostBundle = '';
let shim = '';
let dataDir = '';

/** Gives the bundle a `process.parentPort` backed by Node's IPC channel, then runs it. */
const shimSource = `
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
process.on('message', (data) => port.emit('message', { data }));
process.on('disconnect', () => process.exit(0));
process.parentPort = port;
require(process.env.HOST_BUNDLE);
`;

class ForkedChild implements ChildLike {
  constructor(readonly process: ChildProcess) {}
  postMessage(message: HostRequest): void {
    this.process.send(message);
  }
  kill(): boolean {
    return this.process.kill();
  }
  on(event: 'message' | 'exit', listener: (value: never) => void): this {
    if (event === 'message') this.process.on('message', listener as (m: unknown) => void);
    else this.process.on('exit', (code) => (listener as (c: number) => void)(code ?? -1));
    return this;
  }
}

const children: ForkedChild[] = [];
function supervisorFor(dbPath: string, events: string[] = [], serialization: 'json' | 'advanced' = 'json') {
  return new BackendSupervisor({
    spawn: () => {
      const child = new ForkedChild(
        fork(shim, [], {
          env: { ...process.env, HOST_BUNDLE: hostBundle, LEDGER_DB_PATH: dbPath, LEDGER_ACTOR: '测试员' },
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
          // 'advanced' is the structured clone that Electron's IPC and utilityProcess use.
          serialization,
        }),
      );
      children.push(child);
      return child;
    },
    onCrash: ({ restarting }) => events.push(`crash:${restarting}`),
    onOpenFailed: (error) => events.push(`open-failed:${error.code}`),
  });
}

const value = (result: CallResult) => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

beforeAll(async () => {
  [hostBundle = ''] = await bundleElectron({ outDir, only: ['utility-host.cjs'] });
  shim = path.join(outDir, 'parent-port-shim.cjs');
  fs.writeFileSync(shim, shimSource);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-relay-'));
}, 60_000);

afterEach(() => {
  for (const child of children.splice(0)) if (child.process.exitCode === null) child.process.kill('SIGKILL');
});

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('utility host bundle behind the supervisor', () => {
  it('creates and lists a plan; errors come back as Chinese payloads', async () => {
    const supervisor = supervisorFor(path.join(dataDir, 'a', 'ledger.sqlite'));
    supervisor.start();
    const plan = value(await supervisor.call('plans.create', { year: 2024, level: 'county', name: '2024年县重点民生实事' })) as {
      id: number;
    };
    expect(plan.id).toBeGreaterThan(0);
    const plans = value(await supervisor.call('plans.list', {})) as Array<{ name: string }>;
    expect(plans.map((p) => p.name)).toEqual(['2024年县重点民生实事']);

    const unknown = await supervisor.call('plans.explode', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const invalid = await supervisor.call('plans.create', { year: 1800, level: 'county', name: 'x' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.code).toBe('INVALID_INPUT');
      expect(invalid.error.message).toMatch(/年度/);
    }
    await supervisor.shutdown();
    expect(children[0]!.process.exitCode).toBe(0);
  });

  it('survives a killed backend: fails the call in flight, restarts, and the data is still there', async () => {
    const events: string[] = [];
    const supervisor = supervisorFor(path.join(dataDir, 'b', 'ledger.sqlite'), events);
    supervisor.start();
    value(await supervisor.call('plans.create', { year: 2025, level: 'township', name: '2025年镇民生实事' }));
    const pending = supervisor.call('plans.list', {});
    children[0]!.process.kill('SIGKILL');
    const failed = await pending;
    // The reply may have won the race with the kill; if not, the call failed with the crash message.
    if (!failed.ok) expect(failed.error).toEqual({ code: 'INTERNAL', message: relayMessages.crashed });
    // Wait until the supervisor has seen the exit and started a new host.
    for (let i = 0; i < 200 && children.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const plans = value(await supervisor.call('plans.list', {})) as Array<{ name: string }>;
    expect(plans.map((p) => p.name)).toEqual(['2025年镇民生实事']);
    expect(children).toHaveLength(2);
    expect(events).toEqual(['crash:true']);
    await supervisor.shutdown();
  });

  it('answers every call with the open error when the file is not a ledger', async () => {
    const notLedger = path.join(dataDir, 'notes.sqlite');
    fs.writeFileSync(notLedger, '这不是数据库文件'.repeat(100));
    const events: string[] = [];
    const supervisor = supervisorFor(notLedger, events);
    supervisor.start();
    const result = await supervisor.call('plans.list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^open-failed:DB_/);
    expect(fs.readFileSync(notLedger, 'utf8')).toBe('这不是数据库文件'.repeat(100));
    await supervisor.shutdown();
  });

  it('hands an import the file as bytes through both hops (structured clone), and the worker reads them', async () => {
    const supervisor = supervisorFor(path.join(dataDir, 'c', 'ledger.sqlite'), [], 'advanced');
    supervisor.start();
    const bytes = selfTestWorkbook(XLSX as unknown as SheetWriter);
    // Hop 1 is the renderer → main IPC, where main validates the call as it does in main.ts.
    const call = validateCall('import.stage', { fileName: '推进情况.xlsx', content: structuredClone(bytes) });
    const staged = value(await supervisor.call(call.method, call.input)) as { stagingId: string };
    const preview = value(await supervisor.call('import.preview', { stagingId: staged.stagingId })) as { rows: unknown[]; sheet: string };
    expect(preview.rows).toHaveLength(2);
    expect(preview.sheet).toBe('推进情况');
    await supervisor.shutdown();
  });
});

