/**
 * The wizard asks about one staged file three times (preview, diff, commit): the table is understood once,
 * its words read once and its rows planned once — unless the ledger changed in between, when the commit
 * plans again under its write lock (issue #13).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';
import type * as Understand from '../../../shared/import/understand';
import type * as PlanRows from '../../../electron/backend/features/import/plan-rows';
import type * as Figures from '../../../shared/import/figures';

const calls = vi.hoisted(() => ({ understand: 0, apply: 0, plan: 0 }));

vi.mock('../../../shared/import/understand', async (original) => {
  const real = await original<typeof Understand>();
  return {
    ...real,
    understandTable: (...args: Parameters<typeof real.understandTable>) => (calls.understand++, real.understandTable(...args)),
    applyMapping: (...args: Parameters<typeof real.applyMapping>) => (calls.apply++, real.applyMapping(...args)),
  };
});
// The words of a table read, row by row: counted apart from `calls`, which the tests above compare whole.
const reads = vi.hoisted(() => ({ tables: 0 }));
vi.mock('../../../shared/import/figures', async (original) => {
  const real = await original<typeof Figures>();
  return { ...real, withFigures: (...args: Parameters<typeof real.withFigures>) => (reads.tables++, real.withFigures(...args)) };
});
vi.mock('../../../electron/backend/features/import/plan-rows', async (original) => {
  const real = await original<typeof PlanRows>();
  return { ...real, planRows: (...args: Parameters<typeof real.planRows>) => (calls.plan++, real.planRows(...args)) };
});

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const haveFixtures = fs.existsSync(path.join(fixtures, 'yexian-2022-progress.xlsx'));
const fixture = () => fs.readFileSync(path.join(fixtures, 'yexian-2022-progress.xlsx'));

function withEditedProgress(text: string): Uint8Array {
  const wb = XLSX.read(fixture());
  wb.Sheets[wb.SheetNames[0]!]!['F4'] = { t: 's', v: text };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

let backend: TestBackend;
let other: TestBackend | undefined;
beforeEach(() => {
  Object.assign(calls, { understand: 0, apply: 0, plan: 0 });
  reads.tables = 0;
});
afterEach(() => {
  backend?.close();
  other?.close();
  other = undefined;
});

const stage = (b: TestBackend, fileName: string, bytes: Uint8Array) => b.do('import.stage', { fileName, contentBase64: Buffer.from(bytes).toString('base64') });

/** The calls the wizard makes, sending back the view its preview showed. */
async function wizardUntilDiff(b: TestBackend, fileName: string, bytes: Uint8Array) {
  const staged = await stage(b, fileName, bytes);
  const preview = await b.do('import.preview', { stagingId: staged.stagingId });
  const view = { stagingId: staged.stagingId, sheet: preview.sheet, headerRow: preview.headerRow, mapping: preview.columns };
  const diff = await b.do('import.diff', view);
  return { preview, view, diff };
}

describe.skipIf(!haveFixtures)('one staged file through the wizard', () => {
  it('is understood once and planned once across preview, diff and commit, and commits what the diff showed', async () => {
    backend = await testBackend();
    const { view, diff } = await wizardUntilDiff(backend, 'yexian.xlsx', fixture());
    const batch = await backend.do('import.commit', view);
    expect(calls).toEqual({ understand: 1, apply: 0, plan: 1 });
    expect(batch.counts).toEqual(diff.counts);
    expect(batch.counts).toEqual({ new: 10, changed: 0, unchanged: 0, conflict: 0 });
  });

  it('has its words read once across preview, diff and a commit accepting every figure', async () => {
    backend = await testBackend();
    const { view, diff } = await wizardUntilDiff(backend, 'yexian.xlsx', fixture());
    expect(reads.tables).toBe(1);
    const batch = await backend.do('import.commit', { ...view, figures: 'all' });
    expect(reads.tables).toBe(1);
    expect(batch.counts).toEqual(diff.counts);
  });

  it('has its words read once by `ledger import --accept-figures` (stage, then commit accepting every figure)', async () => {
    backend = await testBackend();
    const staged = await stage(backend, 'yexian.xlsx', fixture());
    await backend.do('import.commit', { stagingId: staged.stagingId, figures: 'all' });
    expect(reads.tables).toBe(1);
  });

  it('next month, with the department’s mapping remembered, is still understood once', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'july.xlsx', fixture())).stagingId });
    Object.assign(calls, { understand: 0, apply: 0, plan: 0 });
    const { preview, view, diff } = await wizardUntilDiff(backend, 'august.xlsx', withEditedProgress('已完成全部评价机构备案。'));
    expect(preview.profileApplied).toBe(true);
    expect(diff.counts).toMatchObject({ changed: 1, unchanged: 9 });
    await backend.do('import.commit', view);
    expect(calls).toEqual({ understand: 1, apply: 0, plan: 1 });
  });

  it('next month, with the department’s mapping remembered, has its words read once across preview, diff and commit', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'july.xlsx', fixture())).stagingId });
    reads.tables = 0;
    const { preview, view } = await wizardUntilDiff(backend, 'august.xlsx', withEditedProgress('已完成全部评价机构备案。'));
    expect(preview.profileApplied).toBe(true);
    expect(reads.tables).toBe(1);
    await backend.do('import.commit', { ...view, figures: 'all' });
    expect(reads.tables).toBe(1);
  });

  it('is understood again when the user maps a column differently', async () => {
    backend = await testBackend();
    const staged = await stage(backend, 'yexian.xlsx', fixture());
    const preview = await backend.do('import.preview', { stagingId: staged.stagingId });
    const progress = preview.columns.find((c) => c.field === 'progress')!;
    const mapping = preview.columns.map((c) => (c === progress ? { ...c, field: null } : c));
    const diff = await backend.do('import.diff', { stagingId: staged.stagingId, sheet: preview.sheet, headerRow: preview.headerRow, mapping });
    expect(calls.apply).toBe(1);
    expect(diff.entries.flatMap((e) => e.changes).some((c) => c.field === 'progress')).toBe(false);
  });

  it('is planned again at the commit when this window changed the ledger after the diff', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'july.xlsx', fixture())).stagingId });
    const text = '已完成全部评价机构备案。';
    const { view, diff } = await wizardUntilDiff(backend, 'august.xlsx', withEditedProgress(text));
    expect(diff.counts).toMatchObject({ changed: 1, unchanged: 9 });
    // Someone types the same progress by hand before the import is confirmed.
    const changed = diff.entries.find((e) => e.kind === 'changed')!;
    const [plan] = await backend.do('plans.list', {});
    const [period] = await backend.do('periods.list', { planId: plan!.id });
    await backend.do('progress.save', { projectId: changed.projectId!, periodId: period!.id, narrative: text });
    const batch = await backend.do('import.commit', view);
    expect(batch.counts).toMatchObject({ changed: 0, unchanged: 10 });
  });

  it('is planned again at the commit when another program wrote to the ledger after the diff', async () => {
    backend = await testBackend();
    await backend.do('import.commit', { stagingId: (await stage(backend, 'july.xlsx', fixture())).stagingId });
    const august = withEditedProgress('已完成全部评价机构备案。');
    const { view, diff } = await wizardUntilDiff(backend, 'august.xlsx', august);
    expect(diff.counts).toMatchObject({ changed: 1, unchanged: 9 });
    // The command line imports the same table into the same ledger meanwhile.
    other = await testBackend(backend.dbPath);
    await other.do('import.commit', { stagingId: (await stage(other, 'august.xlsx', august)).stagingId });
    const batch = await backend.do('import.commit', view);
    expect(batch.counts).toMatchObject({ changed: 0, unchanged: 10 });
  });
});
