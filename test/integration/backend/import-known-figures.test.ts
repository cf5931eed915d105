/**
 * Next month's table against projects whose indicators were made from their goals last month: each row's
 * words are read once, when the file is staged, and that reading gives the actuals of those indicators — the
 * same actuals as reading the words again against them (issue #13). A project whose indicators are not its
 * goal's targets any more (changed by hand) is read again against them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { figuresAgainst } from '../../../electron/backend/features/import/known-figures';
import type * as Figures from '../../../shared/import/figures';
import type { ImportPreview } from '../../../shared/domain';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { countyTable, type CountyRow } from '../../helpers/county-table';

// Rows read again against a project's indicators (the staged table's own reading is not counted: it is
// withFigures's, inside the module).
const reads = vi.hoisted(() => ({ rows: 0 }));
const real = vi.hoisted(() => ({ rowFigures: null as null | typeof Figures.rowFigures }));
vi.mock('../../../shared/import/figures', async (original) => {
  const actual = await original<typeof Figures>();
  real.rowFigures = actual.rowFigures;
  return { ...actual, rowFigures: (...args: Parameters<typeof actual.rowFigures>) => (reads.rows++, actual.rowFigures(...args)) };
});

let backend: TestBackend;
beforeEach(() => {
  reads.rows = 0;
});
afterEach(() => backend?.close());

/** Goals with a target each, progress with its figure (two rows split by unit), as a county sends monthly. */
function table(month: number): Buffer {
  const rows: CountyRow[] = [];
  for (let i = 1; i <= 8; i++) {
    const two = i % 4 === 0;
    rows.push([
      i,
      `第${i}项民生实事。全年完成技能培训${i}万人次。`,
      two ? '县人社局\n县住建局' : '县人社局',
      '虎永福',
      '胡炜哲',
      two ? `县人社局：已完成技能培训${(i * month) / 20}万人次。\n县住建局：已完成技能培训${(i * month) / 20}万人次。` : `已完成技能培训${(i * month) / 10}万人次。`,
    ]);
  }
  return countyTable(month, rows);
}

const stage = (month: number) => backend.do('import.stage', { fileName: `county-${month}.xlsx`, contentBase64: table(month).toString('base64') });

/** July imported with every figure accepted; August through the wizard up to its diff. */
async function augustAfterJuly(beforeAugust: () => Promise<void> = async () => {}) {
  backend = await testBackend();
  await backend.do('import.commit', { stagingId: (await stage(7)).stagingId, figures: 'all' });
  await beforeAugust();
  reads.rows = 0;
  const { stagingId } = await stage(8);
  const preview = await backend.do('import.preview', { stagingId });
  const diff = await backend.do('import.diff', { stagingId, sheet: preview.sheet, headerRow: preview.headerRow, mapping: preview.columns });
  return { preview, diff };
}

/** Each matched row's figures from its staged reading, beside a reading of its words against the project's indicators. */
async function bothReadings(preview: ImportPreview, projectOf: (sourceRow: number) => number) {
  const out = [];
  for (const row of preview.rows) {
    const existing = await backend.do('indicators.list', { projectId: projectOf(row.sourceRow) });
    out.push({ row, fromStaged: figuresAgainst(row, row.figures, existing, 2022), readAgain: real.rowFigures!(row, { year: 2022, existing }) });
  }
  return out;
}

describe('next month against indicators made from the goals', () => {
  it('reads no row’s words again, and proposes the actuals of the ledger’s indicators that reading them again gives', async () => {
    const { preview, diff } = await augustAfterJuly();
    expect(reads.rows).toBe(0);
    expect(diff.counts).toMatchObject({ changed: 8 });
    const proposed = diff.entries.flatMap((e) => e.figures.actuals);
    // Every project's August figure, for its indicator in the ledger (the split rows' per unit).
    expect(proposed.length).toBe(10);
    expect(proposed.every((a) => 'id' in a.indicator)).toBe(true);
    expect(proposed.filter((a) => a.unit !== null).map((a) => a.unit)).toEqual(['县人社局', '县住建局', '县人社局', '县住建局']);
    const projectOf = new Map(diff.entries.map((e) => [e.sourceRow, e.projectId!]));
    for (const { fromStaged, readAgain } of await bothReadings(preview, (r) => projectOf.get(r)!)) {
      expect(fromStaged.actuals.length).toBeGreaterThan(0);
      expect(JSON.stringify(fromStaged)).toBe(JSON.stringify(readAgain));
    }
  });

  it('reads a row again against its indicators when one was changed by hand since', async () => {
    const { preview, diff } = await augustAfterJuly(async () => {
      const [plan] = await backend.do('plans.list', {});
      const [first] = await backend.do('projects.list', { planId: plan!.id });
      const [indicator] = await backend.do('indicators.list', { projectId: first!.id });
      // Counted in 人 rather than 人次 now: the progress's figure no longer pairs with it.
      await backend.do('indicators.update', { id: indicator!.id, target: 12000, unit: '人' });
    });
    expect(reads.rows).toBe(1);
    const projectOf = new Map(diff.entries.map((e) => [e.sourceRow, e.projectId!]));
    const readings = await bothReadings(preview, (r) => projectOf.get(r)!);
    for (const { fromStaged, readAgain } of readings) expect(JSON.stringify(fromStaged)).toBe(JSON.stringify(readAgain));
    // The staged reading pairs 0.8万人次 with the goal's target; against the indicator as it is now, nothing.
    expect(readings[0]!.row.figures.actuals.map((a) => a.value)).toEqual([8000]);
    expect(readings[0]!.fromStaged.actuals).toEqual([]);
  });
});
