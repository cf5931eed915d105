// The desktop self-test's steps (electron/main/self-test.ts), run here against the real backend — directly, through
// the page-call scripts main hands to executeJavaScript (in a vm world with a window.ledger, bytes copied by
// structured clone as IPC copies them), and through the loopback bridge. Only the Electron binary is missing here.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../electron/serve/server';
import { pageLedger, pageProbeStep, type Execute } from '../../../electron/main/self-test-page';
import { runSelfTest, selfTestWorkbook, type Caller, type SheetWriter } from '../../../electron/main/self-test';
import type { LedgerApi } from '../../../shared/api/contract';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { tempDir } from '../../helpers/temp';

const xlsx = XLSX as unknown as SheetWriter;
const stepNames = ['app.info', 'plans.create', 'import', 'signoff', 'export', 'verify'];

let backend: TestBackend;
afterEach(() => backend?.close());

/** A page world: window.ledger is the preload's API, whose every call is structured-cloned as IPC does. */
function pageWorld(ledger: LedgerApi | undefined): Execute {
  const context = vm.createContext({ window: { ledger }, atob });
  return async (script) => vm.runInContext(script, context) as unknown;
}

const overIpc = (b: TestBackend): LedgerApi => ({ call: (method, input) => b.call(method, structuredClone(input)) as never });

describe('the desktop self-test', () => {
  it('runs create plan → import through the worker → sign off → export → verify against the real backend', async () => {
    backend = await testBackend();
    const report = await runSelfTest(backend as unknown as Caller, { xlsx, transport: 'base64', electron: '45.4.1' });
    expect(report.steps.filter((s) => !s.ok)).toEqual([]);
    expect(report).toMatchObject({ ok: true, electron: '45.4.1' });
    expect(report.steps.map((s) => s.step)).toEqual(stepNames);
    const [plan] = await backend.do('plans.list', {});
    expect(plan).toMatchObject({ name: '自检-2024年重点民生实事', projectCount: 2 });
    // The report is the one JSON line the app prints.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('runs through the scripts main runs in the page, handing the workbook over as bytes', async () => {
    backend = await testBackend();
    const execute = pageWorld(overIpc(backend));
    const staged: unknown[] = [];
    const spy: LedgerApi = {
      call: (method, input) => {
        if (method === 'import.stage') staged.push(structuredClone(input));
        return overIpc(backend).call(method, input);
      },
    };
    const report = await runSelfTest(pageLedger(pageWorld(spy)), { xlsx, transport: 'bytes', before: [pageProbeStep(execute)] });
    expect(report.steps.map((s) => s.step)).toEqual(['page', ...stepNames]);
    expect(report.ok).toBe(true);
    const [stage] = staged as Array<{ content?: unknown; contentBase64?: unknown }>;
    expect(stage?.contentBase64).toBeUndefined();
    expect(stage?.content).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(stage!.content as Uint8Array).equals(Buffer.from(selfTestWorkbook(xlsx)))).toBe(true);
  });

  it('names the failing step and stops there', async () => {
    backend = await testBackend();
    const failingSign: Caller = {
      call: (method, input) =>
        method === 'signoff.sign' ? Promise.reject(Object.assign(new Error('签发失败'), { code: 'CONFLICT' })) : (backend.call(method, input) as never),
    };
    const report = await runSelfTest(failingSign, { xlsx, transport: 'base64' });
    expect(report).toMatchObject({ ok: false, failed: 'signoff' });
    expect(report.steps.at(-1)).toMatchObject({ step: 'signoff', ok: false, error: '签发失败', code: 'CONFLICT' });
    expect(report.steps.map((s) => s.step)).toEqual(['app.info', 'plans.create', 'import', 'signoff']);
  });

  it('fails at "page" when the preload did not give the page window.ledger', async () => {
    backend = await testBackend();
    const execute = pageWorld(undefined);
    const report = await runSelfTest(pageLedger(execute), { xlsx, transport: 'bytes', before: [pageProbeStep(execute)] });
    expect(report).toMatchObject({ ok: false, failed: 'page' });
    expect(report.steps).toHaveLength(1);
  });

  it('runs through the loopback bridge too (base64: JSON cannot carry bytes, and the bridge refuses them)', async () => {
    backend = await testBackend();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const bridge = await startBridge({ backend, staticDir });
    try {
      const call = async (method: string, input: unknown) => {
        const response = await fetch(`${bridge.url.replace(/\/\?.*$/, '')}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': bridge.token },
          body: JSON.stringify(input),
        });
        const body = (await response.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
        if (body.ok) return body.result;
        throw Object.assign(new Error(body.error?.message), { code: body.error?.code });
      };
      const report = await runSelfTest({ call: call as Caller['call'] }, { xlsx, transport: 'base64' });
      expect(report.ok).toBe(true);
      await expect(call('import.stage', { fileName: 'a.xlsx', content: { 0: 80, 1: 75 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    } finally {
      await bridge.close();
    }
  });
});

describe('import.stage input', () => {
  it('takes the file as bytes or as base64, exactly one of them', async () => {
    backend = await testBackend();
    const bytes = selfTestWorkbook(xlsx);
    const fromBytes = await backend.do('import.stage', { fileName: 'a.xlsx', content: bytes });
    const fromBase64 = await backend.do('import.stage', { fileName: 'a.xlsx', contentBase64: Buffer.from(bytes).toString('base64') });
    expect(fromBytes.sha256).toBe(fromBase64.sha256);
    await expect(backend.call('import.stage', { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      backend.call('import.stage', { fileName: 'a.xlsx', content: bytes, contentBase64: Buffer.from(bytes).toString('base64') }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(backend.call('import.stage', { fileName: 'a.xlsx', content: new Uint8Array(100 * 1024 * 1024 + 1) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('100 MB'),
    });
  });
});
