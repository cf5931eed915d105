import { describe, expect, it } from 'vitest';
import { rowFigures, withFigures } from '../../../shared/import/figures';
import { readFigures, sharedFigures, type FiguresInput, type RowFigures } from '../../../shared/text/figures';
import type { PreviewRow, TablePreview } from '../../../shared/types/preview';
import { seedTexts } from './seedCases';
import { seedsPresent } from './seedText';

/**
 * The figures an import's table shares between rows (sharedFigures, withFigures) are those readFigures
 * gives each row on its own, frozen, and one object only for rows whose words give the same figures at
 * the same places.
 */

const county: ((n: number) => FiguresInput)[] = [
  (n) => ({ goal: `第${n}项：实施残疾儿童康复救助。全年救助不少于${100 + (n % 3)}人。`, progress: `目前已实施残疾儿童康复救助${n % 5}人。`, unitProgress: [] }),
  (n) => ({ goal: `第${n}项：提高妇女儿童健康保障水平。宫颈癌、乳腺癌筛查，各完成筛查1.4万人。年底前实现新生儿听力筛查率达到98%。`, progress: `截至7月25日，宫颈癌筛查人数为${8000 + (n % 4)}人，完成全年任务60%，乳腺癌筛查人数为8702人，完成全年任务62%。新生儿听力筛查2877人，筛查率99.07%。`, unitProgress: [] }),
  (n) => {
    const a = `已整改病害井盖${200 + (n % 2)}座，超额完成市定任务数的400%。`;
    const b = '已完成招标程序审批工作并发布招标公告。';
    return { goal: `第${n}项：推进城市窨井设施改造。对存在安全隐患的窨井设施更换改造（市定任务478个）。`, progress: `县城管局：${a}\n县住建局：${b}`, unitProgress: [{ unit: '县城管局', text: a }, { unit: '县住建局', text: b }] };
  },
];

// Ordinals of one, two and three digits, each shape's rows met again and again, as a long table has them.
const rows = Array.from({ length: 240 }, (_, i) => county[i % county.length]!([3, 7, 42, 58, 123, 456][i % 6]! + (i % 5)));

function deepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deepFrozen);
}

describe('figures shared between the rows of a table', () => {
  it('are what readFigures reads of each row, frozen', () => {
    for (const input of rows) {
      const shared = sharedFigures(input, 2022);
      expect(shared).toEqual(readFigures(input, { year: 2022 }));
      expect(deepFrozen(shared)).toBe(true);
    }
  });

  it('are one object for rows that give the same figures at the same places, and their own otherwise', () => {
    const at = (n: number) => sharedFigures(county[0]!(n), 2022);
    // 13 and 43 give the same target (100 + n % 3) and the same progress (n % 5); 3 another target.
    expect(at(3)).toBe(at(3));
    expect(at(13)).toBe(at(43));
    expect(at(13)).not.toBe(at(3));
    // One digit more in the ordinal: the same figures, one character further on.
    const wider = at(103);
    expect(wider).not.toBe(at(13));
    expect(wider.targets.map((t) => t.span.start - 1)).toEqual(at(13).targets.map((t) => t.span.start));
    expect(wider.actuals.map((a) => a.span)).toEqual(at(13).actuals.map((a) => a.span));
  });

  it.skipIf(!seedsPresent)('are what readFigures reads of every seed text, with and without an ordinal before it', () => {
    const cases = seedTexts();
    for (const input of [...cases, ...cases.map((c, n) => ({ ...c, goal: `第${n}项：${c.goal}` })), ...cases]) {
      expect(sharedFigures(input, 2022)).toEqual(readFigures(input, { year: 2022 }));
    }
  });

  it('are what rowFigures reads of each row of a figured table', () => {
    const previewRows: PreviewRow[] = rows.map((input, i) => ({
      sourceRow: i + 4,
      seq: String(i + 1),
      section: null,
      project: input.goal.split('。')[0]!,
      task: input.goal,
      leadUnits: [],
      supportUnits: [],
      responsiblePeople: [],
      leaders: [],
      progress: input.progress,
      unitProgress: input.unitProgress.map((u) => ({ ...u })),
      indicators: [],
      remark: '',
      deadline: null,
    }));
    const table = { headerRow: 3, headerRows: 1, title: null, asOf: '2022-07-25', reportingUnit: null, rows: previewRows } as unknown as TablePreview;
    const figured = withFigures(table, 2022);
    const own: RowFigures[] = previewRows.map((row) => rowFigures(row, { year: 2022 }));
    expect(figured.rows.map((r) => r.figures)).toEqual(own);
    expect(figured.rows.map((r) => r.sourceRow)).toEqual(previewRows.map((r) => r.sourceRow));
  });
});
