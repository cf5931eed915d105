/**
 * What an import writes where the ledger had nothing (next month's progress, values and stated completions, the
 * indicators it adds) is logged as one entry per kind and key, not one per row (issue #13). Undoing an import
 * still leaves every table as it was before it: next month's, a same-period table that replaces progress, and
 * a mix of both undone newest first after a clerk's edit. A log written one entry per row still undoes, and the
 * project pages say what they said.
 */
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createdOf } from '../../../db/repositories/created-log';
import type { BatchItem } from '../../../db/repositories/import-batches';
import { openBackend } from '../../../electron/backend/backend';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { countyTable, type CountyRow } from '../../helpers/county-table';
import { tempDir } from '../../helpers/temp';

type Backend = Awaited<ReturnType<typeof openBackend>>;
let backend: Backend;
let file: string;
afterEach(() => backend?.close());

const call = <M extends MethodName>(method: M, input: Input<M>) => backend.call(method, input) as Promise<Output<M>>;

/** A ledger whose clock moves a second a call, so a restored row's author time is told from a rewritten one's. */
async function ledger() {
  file = path.join(tempDir(), 'ledger.sqlite');
  let tick = 0;
  backend = await openBackend({ dbPath: file, actor: '测试员', now: () => new Date(Date.UTC(2022, 9, 25) + 1000 * tick++) });
}

/**
 * Rows `from` to `to`; every fifth split between two units; `words` varies the progress; `two` splits others too.
 * Every seventh has no figure: its progress is all an import writes for it.
 */
function table(month: number, from: number, to: number, words = '', two: (i: number) => boolean = (i) => i % 5 === 0): Buffer {
  const rows: CountyRow[] = [];
  for (let i = from; i <= to; i++) {
    const split = two(i);
    if (i % 7 === 0 && !split) {
      rows.push([i, `第${i}项民生实事。做好服务保障。`, '县人社局', '虎永福', '胡炜哲', `${month}月持续推进${words}。`]);
      continue;
    }
    rows.push([
      i,
      `第${i}项民生实事。全年完成技能培训${i}万人次。`,
      split ? '县人社局\n县住建局' : '县人社局',
      '虎永福',
      '胡炜哲',
      split ? `县人社局：已完成技能培训${(i * month) / 20}万人次${words}。\n县住建局：已完成技能培训${(i * month) / 20}万人次。` : `已完成技能培训${(i * month) / 10}万人次，完成全年任务的${month * 5}%${words}。`,
    ]);
  }
  return countyTable(month, rows);
}

/** `withFigures`: every figure the words give accepted; else none. */
async function importTable(bytes: Buffer, withFigures = true) {
  const { stagingId } = await call('import.stage', { fileName: 'county.xlsx', contentBase64: bytes.toString('base64') });
  return call('import.commit', { stagingId, ...(withFigures ? { figures: 'all' as const } : {}) });
}

// The undo's own record: the batch stays, marked undone, and the audit log says so. The import's remembered
// column mapping and department plan are preferences, kept.
const bookkeeping = new Set(['import_batches', 'import_batch_items', 'audit_log', 'import_profiles', 'settings']);

/**
 * Every row of every other table. `restored`: compared as sets of rows, leaving out what a progress row put back
 * by undo does not get again: its surrogate id (nothing refers to it) and the batch that wrote it (the undo log
 * never kept it).
 */
function dump(restored = false) {
  const raw = new Sqlite(file, { readonly: true });
  const tables = raw.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    if (bookkeeping.has(name)) continue;
    const rows = raw.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all() as Record<string, unknown>[];
    const reported = ['progress_reports', 'indicator_values', 'stated_completions'].includes(name);
    // Links put back are written again, after the others: the same rows, in another order.
    out[name] = !restored ? rows : rows.map(({ id, batch_id, ...row }) => (reported ? row : { id, batch_id, ...row })).map((r) => JSON.stringify(r)).sort();
  }
  raw.close();
  return out;
}

function logOf(batchId: number) {
  const raw = new Sqlite(file, { readonly: true });
  const rows = raw.prepare('SELECT entity, action, entity_id, last_entity_id, before_json FROM import_batch_items WHERE batch_id = ? ORDER BY id').all(batchId);
  raw.close();
  return rows as { entity: string; action: string; entity_id: number; last_entity_id: number | null; before_json: string | null }[];
}

/** Rewrites a batch's log as the version before wrote it: one entry per row created, each with its key. */
function asLoggedBefore(batchId: number) {
  const raw = new Sqlite(file);
  const entries = raw
    .prepare<[number], { id: number; entity: string; entity_id: number; before_json: string | null }>(
      "SELECT id, entity, entity_id, before_json FROM import_batch_items WHERE batch_id = ? AND last_entity_id IS NOT NULL AND entity != 'project'",
    )
    .all(batchId);
  const add = raw.prepare("INSERT INTO import_batch_items (batch_id, entity, entity_id, action, before_json) VALUES (?, ?, ?, 'create', ?)");
  for (const e of entries) {
    const { key, ids } = createdOf({ entity: e.entity as BatchItem['entity'], entityId: e.entity_id, beforeJson: e.before_json });
    const { periodId, unitId } = key ?? {};
    for (const id of ids) {
      const at = e.entity === 'value' ? { indicatorId: id, periodId, unitId } : e.entity === 'stated' ? { projectId: id, periodId } : { projectId: id, periodId, unitId };
      add.run(batchId, e.entity, id, e.entity === 'indicator' ? null : JSON.stringify({ key: at, previous: null }));
    }
    raw.prepare('DELETE FROM import_batch_items WHERE id = ?').run(e.id);
  }
  // The run of projects created stays last, as it was written.
  raw.prepare("UPDATE import_batch_items SET id = id + 1000000 WHERE batch_id = ? AND entity = 'project' AND last_entity_id IS NOT NULL").run(batchId);
  raw.close();
}

async function histories(planId: number) {
  const projects = await call('projects.list', { planId });
  return Promise.all(projects.map(async (p) => ({ seq: p.seq, history: await call('projects.history', { id: p.id }) })));
}

describe('undoing next month’s import, logged as what it created', () => {
  it('logs a table of new progress, values and stated completions in a few entries, and undoing it leaves every table as before', async () => {
    await ledger();
    const july = await importTable(table(7, 1, 30));
    const before = dump();
    const august = await importTable(table(8, 1, 30));
    expect(august.counts).toMatchObject({ changed: 30 });

    const log = logOf(august.id);
    expect(new Set(log.map((e) => e.entity))).toEqual(new Set(['period', 'progress', 'value', 'stated']));
    // One entry per kind and key (the project's own progress, and each unit's), not one per row.
    expect(log.length).toBeLessThanOrEqual(9);
    expect(log.every((e) => e.action === 'create' && (e.entity === 'period' || e.last_entity_id !== null))).toBe(true);
    const raw = new Sqlite(file, { readonly: true });
    const written = raw.prepare<[number], { n: number }>('SELECT count(*) AS n FROM progress_reports WHERE batch_id = ?').get(august.id)!.n;
    raw.close();
    expect(written).toBe(36);

    // Each project page shows August's import.
    const shown = await histories(july.planId!);
    expect(shown.every((p) => p.history.filter((h) => h.summary.includes('county.xlsx')).length === 2)).toBe(true);

    await call('import.undo', { batchId: august.id });
    expect(dump()).toEqual(before);
  });

  it('undoes next month logged one entry per row, as the version before wrote it, and the project pages say the same', async () => {
    await ledger();
    const july = await importTable(table(7, 1, 30));
    const before = dump();
    const august = await importTable(table(8, 1, 30));
    const shown = await histories(july.planId!);
    asLoggedBefore(august.id);
    expect(logOf(august.id).length).toBeGreaterThan(60);
    expect(await histories(july.planId!)).toEqual(shown);

    await call('import.undo', { batchId: august.id });
    expect(dump()).toEqual(before);
  });

  it('logs the figures accepted on a table sent again unchanged as what they created, and the project pages say the same', async () => {
    await ledger();
    const july = await importTable(table(7, 1, 30), false);
    const before = dump();
    const figures = await importTable(table(7, 1, 30));
    expect(figures.counts).toMatchObject({ unchanged: 30 });
    expect(logOf(figures.id).map((e) => e.entity)).toEqual(expect.arrayContaining(['indicator', 'value', 'stated']));
    const shown = await histories(july.planId!);
    asLoggedBefore(figures.id);
    expect(await histories(july.planId!)).toEqual(shown);

    await call('import.undo', { batchId: figures.id });
    expect(dump()).toEqual(before);
  });
});

describe('undoing imports that replace progress', () => {
  it('puts back every narrative, value and statement a same-period table replaced', async () => {
    await ledger();
    await importTable(table(7, 1, 30));
    const before = dump(true);
    const again = await importTable(table(7, 1, 30, '（修订）'));
    expect(again.counts).toMatchObject({ changed: 30 });
    expect(logOf(again.id).filter((e) => e.entity === 'progress' && e.action === 'update')).toHaveLength(30);

    await call('import.undo', { batchId: again.id });
    expect(dump(true)).toEqual(before);
  });

  it('undoes, newest first, a mix of new projects, new and replaced progress and a clerk’s edit over it', async () => {
    await ledger();
    const july = await importTable(table(7, 1, 20));
    const before = dump(true);
    // August: ten projects more, and progress split between units where it was not.
    const august = await importTable(table(8, 1, 30, '', (i) => i % 3 === 0));
    const created = logOf(august.id).filter((e) => e.last_entity_id !== null);
    expect(created.map((e) => e.entity)).toContain('project');
    expect(created.map((e) => e.entity)).toContain('progress');
    // August again, half of it reworded: it replaces what August created.
    const again = await importTable(table(8, 1, 15, '（修订）', (i) => i % 3 === 0));
    expect(logOf(again.id).some((e) => e.entity === 'progress' && e.action === 'update')).toBe(true);
    // And a clerk rewrites one project's August progress by hand.
    const projects = await call('projects.list', { planId: july.planId! });
    const periods = await call('periods.list', { planId: july.planId! });
    const augustPeriod = periods.find((p) => p.asOf === '2022-08-25')!;
    await call('progress.save', { projectId: projects.find((p) => p.seq === 16)!.id, periodId: augustPeriod.id, unit: null, narrative: '已完成。', actuals: [] });

    await call('import.undo', { batchId: again.id });
    await call('import.undo', { batchId: august.id });
    expect(dump(true)).toEqual(before);
  });
});
