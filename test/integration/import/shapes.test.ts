import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupProjectRows } from '../../../shared/import/group';
import { understandTable } from '../../../shared/import/understand';
import { readWorkbook } from '../../../electron/backend/import/read';

// Written by ExcelJS and SheetJS: test/fixtures/import/make-shapes.mjs.
const dir = path.resolve(import.meta.dirname, '../../fixtures/import');
async function previewOf(name: string) {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, name))), { fileName: name });
  return understandTable(read.grid);
}

describe('table shapes once misread', () => {
  it('a category row with only 序号 and a name, (1)(2) task rows under it, beside a one-row category', async () => {
    const table = await previewOf('category-tasks.xlsx');
    expect(table.rows.map((r) => [r.seqText, r.section, r.project, r.task, r.leadUnits])).toEqual([
      ['一', null, '教育惠民工程', '新建公办幼儿园2所', ['县教育局']],
      ['一', null, '教育惠民工程', '改扩建乡镇寄宿制学校1所', ['县教育局', '县财政局']],
      ['二', null, '实施残疾儿童康复救助', '实施残疾儿童康复救助', ['县残联']],
      ['三', null, '城乡道路提升', '改造农村公路25公里', ['县交通运输局']],
      ['三', null, '城乡道路提升', '打通断头路1条', ['县住建局']],
    ]);
    expect(table.warnings.filter((w) => w.code === 'SEQ_DUPLICATE')).toEqual([]);
    const projects = groupProjectRows(table.rows);
    expect(projects.map((p) => [p.row.seq, p.row.project, p.tasks.length])).toEqual([
      ['1', '教育惠民工程', 2],
      ['2', '实施残疾儿童康复救助', 0],
      ['3', '城乡道路提升', 2],
    ]);
  });

  it('a Word table pasted into Excel (a row per paragraph, the other cells merged down) is one project', async () => {
    const table = await previewOf('word-paste.xlsx');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]!.progress.split('\n')).toEqual(['截至9月底，全县新建幼儿园2所。', '其中城关镇幼儿园已投用。', '东湖幼儿园完成主体。', '新增学位630个。', '预计11月全部投用。']);
    expect(table.rows[1]).toMatchObject({ sourceRow: 8, project: '改造老旧小区3006户', progress: '已完成招标。' });
  });

  it('fractions formatted as percent read as percent; hidden columns and filtered-out rows are not read', async () => {
    const table = await previewOf('percent-hidden.xlsx');
    expect(table.rows.map((r) => r.indicators[0])).toEqual([
      { name: '产前筛查覆盖率达到55%', target: 55, unit: '%', actual: 60, rate: 109.09 },
      { name: '新生儿听力筛查率90%', target: 90, unit: '%', actual: 45, rate: 50 },
    ]);
    // The stale 7月进展 column stands to the right, hidden: the visible 9月进展 is the progress.
    expect(table.rows.map((r) => r.progress)).toEqual(['已完成筛查1662例', '筛查1861例']);
    expect(table.columns.filter((c) => c.field === 'progress').map((c) => c.header)).toEqual(['9月进展']);
    expect(table.rows.some((r) => r.project === '已撤销的实事')).toBe(false);
  });

  it('keeps the number as written (一、（三）) beside its numeric order', async () => {
    const table = await previewOf('category-tasks.xlsx');
    expect(table.rows.map((r) => [r.seq, r.seqText])).toContainEqual(['2', '二']);
  });
});
