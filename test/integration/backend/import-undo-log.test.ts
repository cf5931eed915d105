/**
 * The undo log of an import holds one entry per project it created, not one per row written under it:
 * undoing deletes the project, and with it its progress, indicators, values and stated completion.
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
  raw.close();
  return { tables: out, entities };
}

describe.skipIf(!haveFixtures)('the undo log of a first import', () => {
  it('records the plan, the period and each new project once, and undoing it leaves nothing behind', async () => {
    backend = await testBackend();
    const bytes = fs.readFileSync(path.join(fixtures, 'yexian-2022-progress.xlsx'));
    const staged = await backend.do('import.stage', { fileName: 'yexian.xlsx', contentBase64: bytes.toString('base64') });
    const batch = await backend.do('import.commit', { stagingId: staged.stagingId, figures: 'all' });
    const written = counts(backend.dbPath);
    expect(written.tables.projects).toBe(10);
    // The words gave indicators and values: all written, none logged on its own.
    expect(written.tables.indicators).toBeGreaterThan(0);
    expect(written.tables.indicator_values).toBeGreaterThan(0);
    expect(written.tables.progress_reports).toBeGreaterThanOrEqual(10);
    expect(written.entities).toEqual([
      { entity: 'period', n: 1 },
      { entity: 'plan', n: 1 },
      { entity: 'project', n: 10 },
    ]);

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
