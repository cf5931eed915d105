import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../../helpers/backend';

let backend: TestBackend;
afterEach(() => backend?.close());

const fixture = path.resolve(import.meta.dirname, '../../fixtures/import/category-tasks.xlsx');

describe('the department’s 编号 as written', () => {
  it('is kept on the projects an import creates, and the sealed table numbers 一、二、三 as the department did', async () => {
    backend = await testBackend();
    const b = backend;
    const staged = await b.do('import.stage', { fileName: 'category-tasks.xlsx', contentBase64: fs.readFileSync(fixture).toString('base64') });
    const batch = await b.do('import.commit', { stagingId: staged.stagingId });
    const projects = await b.do('projects.list', { planId: batch.planId! });
    expect(projects.map((p) => [p.seq, p.seqLabel, p.title])).toEqual([
      [1, '一', '教育惠民工程'],
      [2, '二', '实施残疾儿童康复救助'],
      [3, '三', '城乡道路提升'],
    ]);
    expect((await b.do('tasks.list', { projectId: projects[0]!.id })).map((t) => t.title)).toEqual(['新建公办幼儿园2所', '改扩建乡镇寄宿制学校1所']);

    // Nothing is submitted before the office is named (issue #14).
    await b.do('settings.update', { officeName: '叶县人民政府办公室' });
    const prepared = await b.do('signoff.prepare', { periodId: batch.periodId!, preparer: '李敏' });
    const snapshot = await b.do('signoff.snapshot', { id: prepared.id });
    expect(snapshot.rows.map((r) => r.seq)).toEqual(['一', '二', '三']);

    // On the file itself: a column of its own, '' for the projects numbered 1, 2, 3.
    const raw = new Sqlite(b.dbPath, { readonly: true });
    const columns = raw.prepare("SELECT name, dflt_value FROM pragma_table_info('projects') WHERE name = 'seq_label'").all();
    raw.close();
    expect(columns).toEqual([{ name: 'seq_label', dflt_value: "''" }]);
  });
});
