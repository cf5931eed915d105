/**
 * The undo log of an import holds one entry for the run of projects it created, not one per project nor per
 * row written under them: undoing deletes the projects, and with them their progress, indicators, values and
 * stated completions. A log written before (one entry per project) still undoes.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const haveFixtures = fs.existsSync(path.join(fixtures, 'yexian-2022-progress.xlsx'));

let backend: TestBackend;
afterEach(() => backend?.close());

function counts(file: string) {
  const raw = new Sqlite(file, { readonly: true });
  const n = (table: string) => (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const out: Record<string, number> = Object.fromEntries(
    ['projects', 'progress_reports', 'indicators', 'indicator_values', 'stated_completions', 'project_units', 'project_people', 'import_batch_items'].map((t) => [t, n(t)]),
  );
  const entities = raw.prepare('SELECT entity, count(*) AS n FROM import_batch_items GROUP BY entity ORDER BY entity').all();
  const runs = raw.prepare("SELECT entity_id AS first, last_entity_id AS last FROM import_batch_items WHERE entity = 'project'").all();
  const projectIds = raw.prepare('SELECT min(id) AS first, max(id) AS last FROM projects').get();
  raw.close();
  return { tables: out, entities, runs, projectIds };
}

/** Ye County's table into a new ledger, every figure accepted. */
async function importFixture() {
  backend = await testBackend();
  const bytes = fs.readFileSync(path.join(fixtures, 'yexian-2022-progress.xlsx'));
  const staged = await backend.do('import.stage', { fileName: 'yexian.xlsx', contentBase64: bytes.toString('base64') });
  return backend.do('import.commit', { stagingId: staged.stagingId, figures: 'all' });
}

describe.skipIf(!haveFixtures)('the undo log of a first import', () => {
  it('records the plan, the period and the run of new projects once, and undoing it leaves nothing behind', async () => {
    const batch = await importFixture();
    const written = counts(backend.dbPath);
    expect(written.tables.projects).toBe(10);
    // The words gave indicators and values: all written, none logged on its own.
    expect(written.tables.indicators).toBeGreaterThan(0);
    expect(written.tables.indicator_values).toBeGreaterThan(0);
    expect(written.tables.progress_reports).toBeGreaterThanOrEqual(10);
    expect(written.entities).toEqual([
      { entity: 'period', n: 1 },
      { entity: 'plan', n: 1 },
      { entity: 'project', n: 1 },
    ]);
    // One entry names the ten projects: the run of ids the import gave them.
    expect(written.runs).toEqual([written.projectIds]);
    expect(written.projectIds).toEqual({ first: 1, last: 10 });

    await backend.do('import.undo', { batchId: batch.id });
    expect(counts(backend.dbPath).tables).toMatchObject({
      projects: 0,
      progress_reports: 0,
      indicators: 0,
      indicator_values: 0,
      stated_completions: 0,
      project_units: 0,
      project_people: 0,
    });
  });
});

describe.skipIf(!haveFixtures)('an undo log written before runs of projects', () => {
  it('undoes an import logged one entry per project, and shows the import on each project page', async () => {
    const batch = await importFixture();
    const projects = await backend.do('projects.list', { planId: batch.planId! });
    // A project in the middle of the run is shown as made by the import.
    const middle = projects.find((p) => p.seq === 5)!;
    expect((await backend.do('projects.history', { id: middle.id })).map((h) => h.summary)).toContain('由导入“yexian.xlsx”新增');

    // Rewrite the log as an older version wrote it: one entry per created project.
    const raw = new Sqlite(backend.dbPath);
    raw.exec("DELETE FROM import_batch_items WHERE entity = 'project'");
    const add = raw.prepare("INSERT INTO import_batch_items (batch_id, entity, entity_id, action) VALUES (?, 'project', ?, 'create')");
    for (const p of projects) add.run(batch.id, p.id);
    raw.close();
    expect((await backend.do('projects.history', { id: middle.id })).map((h) => h.summary)).toContain('由导入“yexian.xlsx”新增');

    await backend.do('import.undo', { batchId: batch.id });
    expect(counts(backend.dbPath).tables).toMatchObject({ projects: 0, progress_reports: 0, indicators: 0, project_units: 0, project_people: 0 });
  });
});

