import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { groupProjectRows } from '../../../shared/import/group';
import { understandTable, type TablePreview } from '../../../shared/import/understand';
import { readWorkbook } from '../../../electron/backend/import/read';
import { testBackend, type TestBackend } from '../../helpers/backend';

// Seeds 000, 001 and 003 written as Word files by LibreOffice (make-documents.mjs beside them).
const dir = path.resolve(import.meta.dirname, '../../fixtures/documents');
const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));

async function previewOf(name: string): Promise<{ format: string; table: TablePreview }> {
  const read = await readWorkbook(bytes(name), { fileName: name });
  return { format: read.format, table: understandTable(read.grid) };
}

let backend: TestBackend | undefined;
afterEach(() => backend?.close());

const plan003 = {
  tasks: [2, 2, 3, 3, 4, 6, 3, 2, 1, 4],
  names: ['开展职业技能培训和评价取证，扩大重点群体就业', '改善农村学校办学条件，扩大普惠性幼儿园覆盖面', '提升基层医疗卫生服务能力'],
};

describe('seed 003, a plan (方案) with a cover letter, as .docx and .doc', () => {
  for (const name of ['seed-003-plan.docx', 'seed-003-plan.doc', 'seed-003-plan.txt']) {
    it(`${name}: ten projects with their tasks and units, the cover letter and signature left out`, async () => {
      const { format, table } = await previewOf(name);
      expect(format).toBe(name.endsWith('.docx') ? 'docx' : name.endsWith('.doc') ? 'doc' : 'text');
      expect(table.title).toBe('2023年湛河区重点民生实事工作方案');
      expect(table.documentDate).toBe('2023-06-27');
      const projects = groupProjectRows(table.rows);
      expect(projects).toHaveLength(10);
      expect(projects.slice(0, 3).map((p) => p.row.project)).toEqual(plan003.names);
      expect(projects.map((p) => Math.max(1, p.tasks.length))).toEqual(plan003.tasks);
      expect(projects[2]!.row.leadUnits).toEqual(['区卫生健康委', '各乡（街道）']);
      expect(projects[0]!.row.supportUnits).toHaveLength(23);
      expect(projects[9]!.row.supportUnits).toEqual(['区教育体育局', '市公安局漯河分局', '区农业农村和水利局', '区卫生健康委']);
      expect(projects[0]!.tasks[1]!.title).toMatch(/^做好高校毕业生.*城镇新增就业 ?0\.885 ?万人。$/);
      expect(table.rows.some((r) => /印发|办公室$/.test(r.project))).toBe(false);
    });
  }

  it('creates the plan, named from its title, with its projects, tasks and units; undo takes them away', async () => {
    backend = await testBackend();
    const b = backend;
    const staged = await b.do('import.stage', { fileName: '2023年湛河区重点民生实事工作方案.docx', contentBase64: Buffer.from(bytes('seed-003-plan.docx')).toString('base64') });
    const diff = await b.do('import.diff', { stagingId: staged.stagingId });
    expect(diff.plan).toEqual({ id: null, year: 2023, name: '2023年湛河区重点民生实事' });
    expect(diff.counts).toEqual({ new: 10, changed: 0, unchanged: 0, conflict: 0 });
    const batch = await b.do('import.commit', { stagingId: staged.stagingId });
    const projects = await b.do('projects.list', { planId: batch.planId! });
    expect(projects.map((p) => p.title).slice(0, 3)).toEqual(plan003.names);
    expect(projects.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const tasks = await b.do('tasks.list', { projectId: projects[5]!.id });
    expect(tasks.map((t) => t.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tasks[0]).toMatchObject({ title: '打通和顺路1条“断头路”。', leadUnits: ['区住房和城乡建设局', '区城市管理局'] });
    expect(projects[0]!.supportUnits).toContain('区残联');

    await b.do('import.undo', { batchId: batch.id });
    await expect(b.call('projects.list', { planId: batch.planId! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('seeds 000 and 001, progress reports, as documents', () => {
  for (const name of ['seed-000-bulletin.docx', 'seed-000-bulletin.doc']) {
    it(`${name}: twelve projects with their progress, as of 截止9月底 of the title's year`, async () => {
      const { table } = await previewOf(name);
      expect(table.asOf).toBe('2021-09-30');
      expect(table.documentDate).toBe('2021-10-09');
      expect(table.rows).toHaveLength(12);
      expect(table.rows[1]).toMatchObject({ seq: '2', project: '实施残疾儿童康复救助', leadUnits: ['区残联'] });
      expect(table.rows[1]!.progress).toMatch(/^截至 9 月底，全区共有 98 名各类残疾儿童接受康复服务/);
      // Several numbered paragraphs are one progress text.
      expect(table.rows[0]!.progress.split('\n')).toHaveLength(5);
      expect(table.rows[9]!.progress.split('\n').map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.']);
      expect(table.rows[9]!.supportUnits).toContain('区委机构编制委员会办公室');
    });
  }

  for (const name of ['seed-001-report.docx', 'seed-001-report.doc', 'seed-001-report.txt']) {
    it(`${name}: ten projects and 23 tasks each with its own units and progress, "4、" among 一、二、三`, async () => {
      const { table } = await previewOf(name);
      expect(table.title).toBe('2021年省、市重点民生实事进展情况报告');
      expect(table.asOf).toBe('2021-05-31');
      expect(table.rows).toHaveLength(23);
      const projects = groupProjectRows(table.rows);
      expect(projects.map((p) => p.row.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(projects[3]!.row.project).toBe('加强居民小区改造提升');
      const culture = table.rows.filter((r) => r.project === '实施文化惠民工程');
      expect(culture.map((r) => r.leadUnits)).toEqual([['市委宣传部', '市文联'], ['市委宣传部', '市文化广电旅游局'], ['市文化广电旅游局'], ['市委宣传部', '三门峡日报社']]);
      expect(culture[2]!.progress).toBe('截至目前，已完成130场，占目标任务的43.34%。');
      expect(projects[9]!.row.task).toMatch(/^持续提高农村电网安全可靠供电能力/);
    });
  }

  it('pasted text is understood like the document, through the same staging and preview', async () => {
    backend = await testBackend();
    const text = fs.readFileSync(path.join(dir, 'seed-000-bulletin.txt'), 'utf8');
    const staged = await backend.do('import.stage', { fileName: '粘贴的文字.txt', contentBase64: Buffer.from(text).toString('base64') });
    const preview = await backend.do('import.preview', { stagingId: staged.stagingId });
    expect(preview).toMatchObject({ format: 'text', sheet: '文档', asOf: '2021-09-30', title: '2021年前三季度区重点民生实事进展情况的通报' });
    expect(preview.rows).toHaveLength(12);
    expect(preview.columns.map((c) => c.field)).toEqual(['seq', 'project', 'task', 'leadUnits', 'supportUnits', 'progress']);
  });
});

describe('seed 004, a bulletin whose 附件 is the department’s table', () => {
  for (const name of ['seed-004-bulletin-with-table.docx', 'seed-004-bulletin-with-table.doc']) {
    it(`${name}: the table goes to the table importer, titled by the attachment's own title`, async () => {
      const { table } = await previewOf(name);
      expect(table.title).toBe('2022 年省民生实事叶县工作任务推进情况表');
      expect(table.columns.map((c) => c.field)).toEqual(['seq', 'task', 'leadUnits', 'responsiblePeople', 'leaders', 'progress']);
      expect(table.rows).toHaveLength(10);
      expect(table.rows[2]).toMatchObject({ seq: '3', leadUnits: ['县城管局', '县住建局'], responsiblePeople: ['王晓', '滕跃峰'] });
      expect(table.rows[2]!.unitProgress.map((u) => u.unit)).toEqual(['县城管局', '县住建局']);
      expect(table.documentDate).toBe('2022-07-01');
    });
  }
});

describe('hostile documents', () => {
  it('a .docx zip bomb is refused from its directory with the typed error, as any zip is', async () => {
    const zip = await JSZip.loadAsync(bytes('seed-003-plan.docx'));
    zip.file('word/media/image1.bin', new Uint8Array(64 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await readWorkbook(bomb, { fileName: '炸弹.docx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect(error).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
    expect((error as LedgerError).message).toMatch(/炸弹\.docx.*压缩/);
  });

  it('a .docx whose document part is not XML is refused as broken', async () => {
    const zip = await JSZip.loadAsync(bytes('seed-003-plan.docx'));
    zip.file('word/document.xml', '<w:document><w:body><w:p>');
    const broken = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(readWorkbook(broken, { fileName: '坏.docx' })).rejects.toMatchObject({ code: 'IMPORT_CORRUPT' });
  });
});
