import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron, projectRoot } from '../../../build/bundle.mjs';
import { createLedgerApi, installLedgerInMainWorld, ledgerChannel } from '../../../electron/main/main-world';

/** A fresh JavaScript world standing in for the page (no require, no process). */
function pageWorld(): vm.Context & Record<string, unknown> {
  const context = vm.createContext({});
  return context as vm.Context & Record<string, unknown>;
}

/** What Electron does with executeInMainWorld: serialize the function and run it in the other world. */
function executeInWorld(world: vm.Context, func: (...args: never[]) => unknown, args: unknown[]): unknown {
  const fn = vm.runInContext(`(${func.toString()})`, world) as (...a: unknown[]) => unknown;
  return fn(...args);
}

const replies: Record<string, unknown> = {
  'plans.list': { ok: true, value: [{ id: 1, name: '2024年县民生实事' }] },
  'projects.get': { ok: false, error: { code: 'NOT_FOUND', message: '没有找到编号为 9 的实事。' } },
  'weird.reply': { nonsense: true },
};
const fakeInvoke = async (method: string) => replies[method];

describe('installLedgerInMainWorld (serialized into the page world)', () => {
  it('resolves with the value and rejects with a page-world Error carrying code and Chinese message', async () => {
    const world = pageWorld();
    expect(executeInWorld(world, installLedgerInMainWorld, ['ledger', fakeInvoke])).toBe(true);
    const ledger = world.ledger as { call(method: string, input: unknown): Promise<unknown> };
    await expect(ledger.call('plans.list', {})).resolves.toEqual([{ id: 1, name: '2024年县民生实事' }]);

    const error = (await ledger.call('projects.get', { id: 9 }).catch((e: unknown) => e)) as Error & { code: string };
    const PageError = vm.runInContext('Error', world) as ErrorConstructor;
    expect(error).toBeInstanceOf(PageError);
    expect(error.message).toBe('没有找到编号为 9 的实事。');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.name).toBe('LedgerError');

    const weird = (await ledger.call('weird.reply', {}).catch((e: unknown) => e)) as Error & { code: string };
    expect(weird.code).toBe('INTERNAL');
    expect(weird.message).toBe('收到无法识别的错误响应。');
  });

  it('makes window.ledger frozen and impossible to replace', () => {
    const world = pageWorld();
    executeInWorld(world, installLedgerInMainWorld, ['ledger', fakeInvoke]);
    expect(() => vm.runInContext('"use strict"; globalThis.ledger = {}', world)).toThrow();
    expect(() => vm.runInContext('"use strict"; globalThis.ledger.call = null', world)).toThrow();
    expect(executeInWorld(world, installLedgerInMainWorld, ['ledger', fakeInvoke])).toBe(false);
  });
});

describe('createLedgerApi (exposeInMainWorld fallback)', () => {
  it('rejects with an Error whose message is the Chinese text', async () => {
    const api = createLedgerApi(fakeInvoke);
    await expect(api.call('plans.list', {})).resolves.toHaveLength(1);
    await expect(api.call('projects.get', { id: 9 })).rejects.toMatchObject({ message: '没有找到编号为 9 的实事。', code: 'NOT_FOUND' });
  });
});

describe('the bundled sandboxed preload', () => {
  const outDir = path.join(projectRoot, 'node_modules', '.cache', `ledger-preload-test-${process.pid}`);
  let source = '';
  beforeAll(async () => {
    const [file] = await bundleElectron({ outDir, only: ['preload.cjs'] });
    source = fs.readFileSync(file ?? '', 'utf8');
  });
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  /** Runs preload.cjs the way a sandboxed renderer would: only 'electron' can be required. */
  function runPreload(options: { executeInMainWorld: boolean }) {
    const world = pageWorld();
    const invocations: unknown[][] = [];
    const exposed: Record<string, unknown> = {};
    const contextBridge: Record<string, unknown> = {
      exposeInMainWorld: (key: string, api: unknown) => {
        exposed[key] = api;
      },
    };
    if (options.executeInMainWorld) {
      contextBridge.executeInMainWorld = ({ func, args }: { func: (...a: never[]) => unknown; args: unknown[] }) =>
        executeInWorld(world, func, args);
    }
    const electron = {
      contextBridge,
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invocations.push(args);
          return replies[args[1] as string];
        },
      },
    };
    const required: string[] = [];
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(source, { require: sandboxRequire, module, exports: module.exports, console });
    return { world, invocations, exposed, required };
  }

  it('installs window.ledger in the page world through one fixed channel', async () => {
    const { world, invocations, exposed, required } = runPreload({ executeInMainWorld: true });
    expect(required).toEqual(['electron']);
    expect(exposed).toEqual({});
    expect(Object.keys(world)).toEqual(['ledger']);
    const ledger = world.ledger as { call(method: string, input: unknown): Promise<unknown> };
    await ledger.call('plans.list', {});
    expect(invocations).toEqual([[ledgerChannel, 'plans.list', {}]]);
    await expect(ledger.call('projects.get', { id: 9 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Nothing else leaks into the page.
    expect(vm.runInContext('typeof require + typeof process + typeof ipcRenderer', world)).toBe('undefinedundefinedundefined');
  });

  it('falls back to exposeInMainWorld when executeInMainWorld is missing', async () => {
    const { world, exposed } = runPreload({ executeInMainWorld: false });
    expect(Object.keys(world)).toEqual([]);
    const api = exposed.ledger as { call(method: string, input: unknown): Promise<unknown> };
    expect(Object.keys(api)).toEqual(['call']);
    await expect(api.call('projects.get', { id: 9 })).rejects.toThrow('没有找到编号为 9 的实事。');
  });
});
