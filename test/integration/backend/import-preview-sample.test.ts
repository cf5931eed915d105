/**
 * The wizard's preview carries the table's first rows only, and how many there are: the mapping screen shows the
 * first as an example, and a county's 20,000 rows copied to the window (with the figures read from all their
 * words) were a quarter of a second spent on nothing shown. The diff still reads every row's words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { previewSampleRows } from '../../../shared/domain';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { countyTable, type CountyRow } from '../../helpers/county-table';

let backend: TestBackend;
afterEach(() => backend?.close());

const rowCount = previewSampleRows * 2 + 5;

function table(): Buffer {
  const rows: CountyRow[] = [];
  for (let i = 1; i <= rowCount; i++) {
    rows.push([i, `第${i}项民生实事。全年完成技能培训${i}万人次。`, i % 2 ? '县人社局' : '县医保局', '虎永福', '胡炜哲', `已完成技能培训${i / 10}万人次。`]);
  }
  return countyTable(7, rows);
}

describe('the import preview', () => {
  it('sends the first rows with their figures and the count of all, and every row when asked', async () => {
    backend = await testBackend();
    const { stagingId } = await backend.do('import.stage', { fileName: 'county-7.xlsx', contentBase64: table().toString('base64') });
    const preview = await backend.do('import.preview', { stagingId });
    expect(preview.rowCount).toBe(rowCount);
    expect(preview.rows.map((r) => r.seq)).toEqual(Array.from({ length: previewSampleRows }, (_, i) => String(i + 1)));
    expect(preview.rows[0]!.figures.targets.map((t) => t.target)).toEqual([10_000]);

    const all = await backend.do('import.preview', { stagingId, allRows: true });
    expect(all.rowCount).toBe(rowCount);
    expect(all.rows).toHaveLength(rowCount);
    expect(all.rows.slice(0, previewSampleRows)).toEqual(preview.rows);
    expect(all.rows.at(-1)!.figures.actuals.map((a) => a.value)).toEqual([rowCount * 1000]);
  });

  it('leaves no row’s words unread for the diff, which proposes the figures of all', async () => {
    backend = await testBackend();
    const { stagingId } = await backend.do('import.stage', { fileName: 'county-7.xlsx', contentBase64: table().toString('base64') });
    const preview = await backend.do('import.preview', { stagingId });
    const diff = await backend.do('import.diff', { stagingId, sheet: preview.sheet, headerRow: preview.headerRow, mapping: preview.columns });
    expect(diff.entries).toHaveLength(rowCount);
    expect(diff.entries.map((e) => e.figures.targets.length)).toEqual(Array(rowCount).fill(1));
    expect(diff.entries.at(-1)!.figures.actuals.map((a) => a.value)).toEqual([rowCount * 1000]);
  });
});
