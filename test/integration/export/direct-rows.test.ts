import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateOfficeKey, type OfficeKey } from '../../../electron/backend/export/keys';
import { excelJsWriters, writeSealedWorkbook, writeWorkbookWith } from '../../../electron/backend/export/workbook';
import type { PeriodSnapshot, SnapshotRow } from '../../../shared/snapshot';
import { tempDir } from '../../helpers/temp';
import { sampleSnapshot } from './sample-snapshot';

/**
 * The export writes its data rows' XML itself (sheet-rows.ts), and its shared strings (shared-strings-part.ts):
 * every part of the
 * file must be what ExcelJS writes from its own cells — the same sheet XML, styles, shared strings and seal.
 * Only what differs between any two exports is masked: the time in docProps/core.xml and the seal sheet's
 * random protection salt and hash.
 */
let key: OfficeKey;
beforeAll(() => {
  key = loadOrCreateOfficeKey(tempDir(), '叶县人民政府办公室');
});

const masked = (text: string) =>
  text
    .replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '')
    .replace(/ (saltValue|hashValue)="[^"]*"/g, '');

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, masked(await zip.file(name)!.async('string'))] as const)));
}

async function expectSameAsExcelJs(snapshot: PeriodSnapshot): Promise<void> {
  const direct = await parts(await writeSealedWorkbook(snapshot, key, { generatedBy: '张晓梅' }));
  const byCells = await parts(await writeWorkbookWith(excelJsWriters, snapshot, key, { generatedBy: '张晓梅' }));
  expect([...direct.keys()]).toEqual([...byCells.keys()]);
  for (const [name, xml] of byCells) expect(direct.get(name), name).toBe(xml);
}

/** Cells that take every branch of a cell's XML: null and zero percentages, text that needs escaping, repeats. */
const edgeRows: SnapshotRow[] = [
  { seq: '7', task: '<b>&"引号"\'</b>', units: ['县A局', '县A局'], responsiblePeople: [' 前空格'], leaders: ['后空格 '], progress: '', status: 'DEL\x7F字符', completion: null, timeProgress: 0 },
  { seq: '007', task: '  ', units: [], responsiblePeople: [], leaders: [], progress: '第一行\n第二行', completion: 0, timeProgress: 1 },
  { seq: '3-1', task: '=1+1', units: ['县A局'], responsiblePeople: ['甲'], leaders: ['乙'], progress: 'x'.repeat(400), status: '已完成', completion: 1e-7, timeProgress: 0.5616 },
];

describe('the data rows and shared strings the export writes itself', () => {
  it('are the file ExcelJS writes from its cells, with and without the optional columns', async () => {
    await expectSameAsExcelJs(sampleSnapshot({ columns: ['status', 'completion', 'timeProgress'], revision: 2 }));
    await expectSameAsExcelJs(sampleSnapshot());
    await expectSameAsExcelJs(sampleSnapshot({ columns: ['completion'] }));
  });

  it('are the file ExcelJS writes for empty, escaped and repeated texts and for many rows', async () => {
    const sample = sampleSnapshot({ columns: ['status', 'completion', 'timeProgress'] });
    await expectSameAsExcelJs({ ...sample, rows: edgeRows });
    // Enough rows that the XML goes out in several pieces.
    const rows = Array.from({ length: 600 }, (_, i) => ({ ...(sample.rows[i % sample.rows.length]!), seq: String(i + 1) }));
    await expectSameAsExcelJs({ ...sample, rows: [...rows, ...edgeRows] });
  });
});
