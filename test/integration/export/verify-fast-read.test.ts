/**
 * The verifier's fast reader against SheetJS (the reader it stands in for): for sealed exports as written, saved
 * again by SheetJS and by LibreOffice, edited, with hidden rows and columns, formulas and numbers typed as text,
 * and for every .xlsx of the fixtures and the calamine corpus, each sheet reads the same to verifying (every
 * cell's text and kind, formulas, hidden rows and columns, the range's last row), and verifyWorkbook answers the
 * same whichever reader read the file. Which files take the fast path is asserted too, so that a reader that
 * always bailed out would fail here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateOfficeKey, type OfficeKey } from '../../../electron/backend/export/keys';
import { allCells, cellText } from '../../../electron/backend/export/read-table';
import { sealSheetName } from '../../../electron/backend/export/seal-sheet';
import { openWithSheetJS, verifyWorkbook } from '../../../electron/backend/export/verify';
import { FastBail, openFastBook } from '../../../electron/backend/export/verify-fast-read';
import { writeSealedWorkbook } from '../../../electron/backend/export/workbook';
import { tempDir } from '../../helpers/temp';
import { sampleSnapshot } from './sample-snapshot';
import { readBook, tableSheetOf, withCell, writeBook } from './workbook-helpers';

const root = path.resolve(import.meta.dirname, '../../..');
const shared = path.resolve(root, '../shared');
const corpus = path.join(shared, 'corpus', 'calamine');
const xlsxIn = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.xls[xm]$/i.test(f)).sort().map((f) => path.join(dir, f)) : []);
const hasLibreOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** What verifying reads of a sheet. */
function reading(sheet: XLSX.WorkSheet | undefined) {
  if (!sheet) return null;
  const cells: Record<string, [string, string, string | undefined]> = {};
  for (const [r, c, cell] of allCells(sheet)) {
    const text = cellText(cell);
    if (text === '' && cell.t !== 's' && !cell.f) continue;
    cells[`${r},${c}`] = [cell.t === 's' ? 's' : cell.t === 'z' ? '' : String(cell.t), text, cell.f];
  }
  const hidden = (list: { hidden?: boolean }[] | undefined) => (list ?? []).flatMap((x, i) => (x?.hidden ? [i] : []));
  const ref = sheet['!ref'];
  return { cells, hiddenRows: hidden(sheet['!rows']), hiddenCols: hidden(sheet['!cols']), lastRow: ref ? XLSX.utils.decode_range(ref).e.r : null };
}

/** 'fast' when the fast reader read every sheet as SheetJS does (asserted), else why it bailed out. */
function compareBook(bytes: Uint8Array): string {
  let slow;
  try {
    slow = openWithSheetJS(bytes);
  } catch {
    // SheetJS refuses it: so must the fast reader, so that verify refuses it as before.
    expect(() => {
      const book = openFastBook(bytes);
      book.names.forEach((n) => book.sheet(n));
    }).toThrow();
    return 'refused by both';
  }
  try {
    const fast = openFastBook(bytes);
    expect(fast.names).toEqual(slow.names);
    for (const name of fast.names) expect([name, reading(fast.sheet(name))]).toEqual([name, reading(slow.sheet(name))]);
    return 'fast';
  } catch (error) {
    if (error instanceof FastBail) return `bail: ${error.message}`;
    throw error;
  }
}

let key: OfficeKey;
let exported: Uint8Array;
const trusted = () => ({ trusted: [{ fingerprint: key.fingerprint, office: key.office }] });

async function sameVerdict(bytes: Uint8Array): Promise<void> {
  const fast = await verifyWorkbook(bytes, trusted());
  expect(fast).toEqual(await verifyWorkbook(bytes, trusted(), { fast: false }));
}

/** The export with SheetJS's edits, written with styles (so hidden rows and columns are kept). */
function edited(edit: (sheet: XLSX.WorkSheet) => void): Uint8Array {
  const book = XLSX.read(exported, { cellStyles: true, cellFormula: true });
  edit(book.Sheets[book.SheetNames[0]!]!);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', cellStyles: true }) as ArrayBuffer);
}

/** Sheet row 6 and column B hidden. */
const hiddenRowAndColumn = () =>
  edited((s) => {
    s['!rows'] = [];
    s['!rows'][5] = { hidden: true };
    s['!cols'] = [{}, { hidden: true }];
  });

beforeAll(async () => {
  key = loadOrCreateOfficeKey(tempDir(), '叶县人民政府办公室');
  exported = await writeSealedWorkbook(sampleSnapshot({ columns: ['status', 'completion', 'timeProgress'], revision: 2 }), key, { generatedBy: '张晓梅' });
});

describe('the fast reader of verify', () => {
  it('reads sealed exports, edited or not, as SheetJS does, and verify answers the same', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['as exported', exported, 'fast'],
      ['saved again by SheetJS', writeBook(readBook(exported)), 'fast'],
      ['a task edited', withCell(exported, 'B6', { t: 's', v: '改过的任务' }), 'fast'],
      ['a percentage edited', withCell(exported, 'H8', { t: 'n', v: 0.123 }), 'fast'],
      ['text outside the table', withCell(exported, 'K5', { t: 's', v: '备注' }), 'fast'],
      ['a number typed as text', withCell(exported, 'H9', { t: 's', v: '40%' }), 'fast'],
      ['a boolean and an error', withCell(withCell(exported, 'K6', { t: 'b', v: true }), 'K7', { t: 'e', v: 0x07 }), 'fast'],
      ['a hidden row and column', hiddenRowAndColumn(), 'fast'],
      ['a formula', withCell(exported, 'H8', { t: 'n', v: 0.85, f: 'IF(TRUE,0.85,0)' }), 'bail: formula'],
    ];
    const sealGone = readBook(exported);
    delete sealGone.Sheets[sealSheetName];
    sealGone.SheetNames = sealGone.SheetNames.filter((n) => n !== sealSheetName);
    sealGone.Workbook!.Sheets = sealGone.Workbook!.Sheets!.slice(0, 1);
    cases.push(['the seal sheet gone', writeBook(sealGone), 'fast']);
    const deleted = readBook(exported);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(tableSheetOf(deleted), { header: 1, defval: '', raw: true });
    rows.splice(9, 1);
    deleted.Sheets[deleted.SheetNames[0]!] = XLSX.utils.aoa_to_sheet(rows);
    cases.push(['a row deleted', writeBook(deleted), 'fast']);

    const outcomes: [string, string][] = [];
    for (const [name, bytes] of cases) {
      outcomes.push([name, compareBook(bytes)]);
      await sameVerdict(bytes);
    }
    expect(outcomes).toEqual(cases.map(([name, , expected]) => [name, expected]));
  });

  it.skipIf(!hasLibreOffice)('reads exports saved again by LibreOffice (hidden rows and columns too) as SheetJS does', async () => {
    const dir = tempDir();
    const hidden = edited((s) => {
      s['!rows'] = [];
      s['!rows'][6] = { hidden: true };
      s['!cols'] = [{}, {}, { hidden: true }];
    });
    const inputs = { plain: exported, hidden, edited: withCell(exported, 'B7', { t: 's', v: '改过的任务\n第二行' }) };
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(inDir);
    for (const [name, bytes] of Object.entries(inputs)) fs.writeFileSync(path.join(inDir, `${name}.xlsx`), bytes);
    const files = Object.keys(inputs).map((n) => path.join(inDir, `${n}.xlsx`));
    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    spawnSync('soffice', ['--headless', '--norestore', profile, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 120_000 });
    for (const name of Object.keys(inputs)) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(outDir, `${name}.xlsx`)));
      expect([name, compareBook(bytes)]).toEqual([name, 'fast']);
      await sameVerdict(bytes);
      const verdict = await verifyWorkbook(bytes, trusted());
      if (name === 'hidden') expect(verdict.warnings).toEqual([expect.stringMatching(/^第 7 行被隐藏/), expect.stringMatching(/^第 C 列「责任单位」被隐藏/)]);
      expect(verdict.valid).toBe(name !== 'edited');
    }
  }, 180_000);

  it('reads every .xlsx of the fixtures and the calamine corpus as SheetJS does, or bails out to it', () => {
    const files = [...xlsxIn(path.join(shared, 'fixtures')), ...xlsxIn(path.join(root, 'test', 'fixtures', 'import')), ...xlsxIn(corpus)];
    const outcomes = new Map(files.map((f) => [path.basename(f), compareBook(new Uint8Array(fs.readFileSync(f)))]));
    const fast = [...outcomes].filter(([, o]) => o === 'fast').map(([f]) => f);
    console.log(`[verify fast reader] ${fast.length} of ${outcomes.size} files read fast (${fast.join(", ")}); the others: ${[...outcomes].filter(([, o]) => o !== 'fast').map(([f, o]) => `${f} (${o})`).join(', ')}`);
    // Hidden rows and columns, escapes, _x000D_, rich text, Chinese dates, pictures, 1904 dates: read fast.
    const expected = ['percent-hidden.xlsx', 'word-paste.xlsx', 'chinese-dates.xlsx', 'encoded_entities.xlsx', 'has_x000D_.xlsx', 'has_x000D_inline.xlsx', 'richtext-after-plain.xlsx', 'picture.xlsx', 'date_1904.xlsx', 'yexian-2022-progress.xlsx'];
    expect(fast).toEqual(expect.arrayContaining(expected.filter((f) => outcomes.has(f))));
    if (fs.existsSync(corpus)) expect(fast.length).toBeGreaterThanOrEqual(36);
  });

  it('leaves a book declaring more than it could hold to SheetJS, which refuses as before', async () => {
    const book = readBook(exported);
    const bytes = writeBook(book);
    // The zip's central directory, with one entry's declared size made huge.
    const view = Buffer.from(bytes);
    const central = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt32LE(0xf0000000, central + 24);
    expect(compareBook(view)).toMatch(/^(bail: declares too much|refused by both)$/);
    const fast = await verifyWorkbook(view, trusted()).catch((e: unknown) => e);
    const slow = await verifyWorkbook(view, trusted(), { fast: false }).catch((e: unknown) => e);
    expect(fast).toEqual(slow);
  });
});
