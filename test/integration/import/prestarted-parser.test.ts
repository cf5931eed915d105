/**
 * A parsing thread started ahead of need (the desktop app's backend, `ledger serve`, `ledger import`): the next
 * parse runs on it, reads exactly what a thread started for the parse reads, and the next thread is started soon
 * after the parse ends (not at once: the import of that file needs the cores). A waiting thread never keeps a
 * process alive.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { readWorkbook } from '../../../electron/backend/import/read';
import { discardPrestartedParser, nextSpareAfterMs, prestartedParserThread, prestartParseWorker } from '../../../electron/backend/import/worker';
import { defaultImportLimits } from '../../../electron/backend/import/limits';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = path.resolve(root, '../shared/fixtures/yexian-2022-progress.xlsx');
const hasFixture = fs.existsSync(fixture);
const bytes = () => new Uint8Array(fs.readFileSync(fixture));

afterEach(() => discardPrestartedParser());

describe.skipIf(!hasFixture)('a parsing thread started ahead of need', () => {
  it('reads the next file as a thread started for it does, then waits again on a new thread started soon after', async () => {
    const fresh = await readWorkbook(bytes(), { fileName: 'a.xlsx' });
    expect(prestartedParserThread()).toBeNull();

    prestartParseWorker();
    const waiting = prestartedParserThread();
    expect(waiting).not.toBeNull();
    const onSpare = await readWorkbook(bytes(), { fileName: 'a.xlsx' });
    expect(onSpare).toEqual(fresh);
    expect(prestartedParserThread()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, nextSpareAfterMs + 200));
    const next = prestartedParserThread();
    expect(next).not.toBeNull();
    expect(next).not.toBe(waiting);
  });

  it('is left waiting by a parse allowed another heap, and by none when it was never started', async () => {
    await readWorkbook(bytes(), { fileName: 'a.xlsx' });
    expect(prestartedParserThread()).toBeNull();
    prestartParseWorker();
    const waiting = prestartedParserThread();
    await readWorkbook(bytes(), { fileName: 'a.xlsx', limits: { maxMemoryMb: defaultImportLimits.maxMemoryMb / 2 } });
    expect(prestartedParserThread()).toBe(waiting);
  });

  it('is ended when its parse runs out of time, and a new one reads the next file', async () => {
    prestartParseWorker();
    const waiting = prestartedParserThread();
    const refused = await readWorkbook(bytes(), { fileName: 'a.xlsx', limits: { timeoutMs: 1 } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LedgerError);
    expect((refused as LedgerError).code).toBe('IMPORT_TIMEOUT');
    expect(prestartedParserThread()).not.toBe(waiting);
    expect((await readWorkbook(bytes(), { fileName: 'a.xlsx' })).grid.cells.length).toBeGreaterThan(10);
  });
});

describe('a waiting parsing thread', () => {
  it('does not keep its process alive', () => {
    const worker = path.join(root, 'electron/backend/import/worker.ts');
    const code = `import(${JSON.stringify(worker)}).then((m) => { m.prestartParseWorker(); console.log(m.prestartedParserThread() !== null); })`;
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('true');
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
