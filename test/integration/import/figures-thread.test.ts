/**
 * The figures thread (electron/backend/import/figures-thread.ts): a large table's words are read there while
 * the diff plans its rows (issue #13), to the same figures the backend's own thread reads (issue #10); and
 * when the thread is gone, the backend's thread reads them.
 */
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { figureWords, figureYear, noFigures, withFigures } from '../../../shared/import/figures';
import type { Cell, Grid } from '../../../shared/import/grid';
import { understandTable, type TablePreview } from '../../../shared/import/understand';
import { figuresReadInThread, readFiguresInThread, startFiguresThread, stopFiguresThread } from '../../../electron/backend/import/figures-thread';
import { offThreadRows, tableWithFigures } from '../../../electron/backend/features/import/understood';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { acceptedWorkbooks, haveSharedWorkbooks } from '../../helpers/accepted-workbooks';

// Rows as seed 004's county table writes them, each with its own numbers.
const shapes: ((i: number) => [string, string, string])[] = [
  (i) => [`开展职业技能培训。全年完成技能培训${(i % 9) + 1}.8万人次、新增技能人才2.28万人（含高技能人才9300人）。`, '县人社局', `目前已成立16家企业评价机构，完成培训5.${i % 10}8万人次，新增技能人才3.21万人。`],
  (i) => [`实施残疾儿童康复救助，全年救助不少于${100 + (i % 80)}人。`, '县残联', `目前已实施残疾儿童康复救助${i % 150}人，完成全年任务的${i % 90}%。`],
  (i) => [`宫颈癌、乳腺癌筛查，各完成筛查1.4万人。年底前实现新生儿听力筛查率达到98%。`, '县卫健委', `宫颈癌筛查人数为${8000 + (i % 900)}人，乳腺癌筛查人数为8702人。新生儿听力筛查率99.07%。`],
  (i) => [`对存在安全隐患的窨井设施更换改造（市定任务478个）。`, '县城管局\n县住建局', `县城管局：已整改病害井盖${200 + (i % 50)}座。\n县住建局：已完成招标，7月28日进行公开招标。`],
];

function countyGrid(rows: number): Grid {
  const cells: Cell[][] = [['2022年省民生实事叶县工作任务推进情况表'], ['截至日期：2022年7月25日'], ['编号', '工作任务', '责任单位', '工作进度']];
  for (let i = 1; i <= rows; i++) {
    const [goal, unit, progress] = shapes[i % shapes.length]!(i);
    cells.push([i, `第${i}项：${goal}`, unit, progress]);
  }
  return { cells, merges: [] };
}

const asJson = (value: unknown) => JSON.stringify(value);

/** What the backend's own thread reads for each row of the table. */
const readHere = (table: TablePreview) => withFigures(table, figureYear(table, 2022)).rows.map((r) => r.figures);

let backend: TestBackend | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

describe('the figures thread', () => {
  it.skipIf(!haveSharedWorkbooks)('reads every accepted workbook’s rows, and a large county table’s, to the figures the backend’s thread reads', async () => {
    // As a backend starts it ahead of need: its own rows read first, their readings left in its memos.
    stopFiguresThread();
    await startFiguresThread(true);
    const tables: TablePreview[] = [understandTable(countyGrid(3000))];
    for await (const { grids } of acceptedWorkbooks()) {
      for (const grid of grids) {
        try {
          tables.push(understandTable(grid));
        } catch (error) {
          if (!(error instanceof LedgerError)) throw error;
        }
      }
    }
    expect(tables.length).toBeGreaterThan(20);
    let figures = 0;
    for (const table of tables) {
      const inThread = await readFiguresInThread(table.rows.map(figureWords), figureYear(table, 2022));
      const here = readHere(table);
      // Strictly: structured cloning must not have dropped an undefined field or turned a number.
      expect(inThread.map((f) => f ?? noFigures)).toStrictEqual(here);
      // A row with nothing to read is null there, and the one shared empty reading here.
      inThread.forEach((f, i) => expect(f === null).toBe(here[i] === noFigures));
      figures += here.reduce((n, f) => n + f.targets.length + f.actuals.length, 0);
    }
    expect(figures).toBeGreaterThan(5000);
  }, 120_000);

  it('reads a large staged table while the wizard’s diff plans it, and the diff proposes what reading it here proposes', async () => {
    backend = await testBackend();
    const grid = countyGrid(offThreadRows + 200);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid.cells), '推进情况表');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const { stagingId } = await backend.do('import.stage', { fileName: 'county.xlsx', contentBase64: bytes.toString('base64') });
    const before = figuresReadInThread();
    const preview = await backend.do('import.preview', { stagingId, figures: false });
    expect(preview.rows).toHaveLength(offThreadRows + 200);
    expect(preview.rows.some((r) => 'figures' in r)).toBe(false);
    const diff = await backend.do('import.diff', { stagingId, sheet: preview.sheet, headerRow: preview.headerRow, mapping: preview.columns });
    expect(figuresReadInThread()).toBe(before + 1);
    expect(diff.counts.new).toBe(offThreadRows + 200);
    expect(asJson(diff.entries.map((e) => e.figures))).toBe(asJson(readHere(understandTable(grid))));
    const batch = await backend.do('import.commit', { stagingId, sheet: preview.sheet, headerRow: preview.headerRow, mapping: preview.columns, figures: 'all' });
    expect(batch.counts.new).toBe(offThreadRows + 200);
    // Read once for the three calls.
    expect(figuresReadInThread()).toBe(before + 1);
  }, 60_000);

  it('is not used by a preview asked with its figures (`ledger import --dry-run`): nothing is done meanwhile', async () => {
    backend = await testBackend();
    const grid = countyGrid(offThreadRows + 10);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid.cells), '推进情况表');
    const { stagingId } = await backend.do('import.stage', { fileName: 'county.xlsx', contentBase64: (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64') });
    const before = figuresReadInThread();
    const preview = await backend.do('import.preview', { stagingId });
    expect(figuresReadInThread()).toBe(before);
    expect(asJson(preview.rows.map((r) => r.figures))).toBe(asJson(readHere(understandTable(grid))));
  }, 60_000);

  it('leaves the reading to the backend’s thread when the thread is stopped under it, with the same figures', async () => {
    const table = understandTable(countyGrid(offThreadRows + 10));
    const before = figuresReadInThread();
    const figured = tableWithFigures(table, 2022, true);
    stopFiguresThread();
    expect(asJson((await figured).rows.map((r) => r.figures))).toBe(asJson(readHere(table)));
    expect(figuresReadInThread()).toBe(before);
    // The next table starts a new thread.
    await readFiguresInThread(table.rows.map(figureWords), 2022);
    expect(figuresReadInThread()).toBe(before + 1);
  }, 60_000);
});
