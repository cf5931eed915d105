/**
 * What withFigures gives an import, to the byte, before and after work on its speed (issue #10's budget):
 * every workbook of the fixtures and the calamine corpus that the reader accepts, understood as the wizard
 * does, and the figures bench's 20,000-row text-only county table, each figured in one process one after
 * the other (memos filled by the tables before, as a long-running app has them), hashed together. The hash
 * was recorded with the code before the speed work; a change to what is read must record it anew, on purpose.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { figureYear, withFigures } from '../../../shared/import/figures';
import type { Cell, Grid } from '../../../shared/import/grid';
import { understandTable } from '../../../shared/import/understand';
import { acceptedWorkbooks, haveSharedWorkbooks } from '../../helpers/accepted-workbooks';


/** What withFigures gives a grid's table, as JSON; a refusal to understand it as its code. */
function figured(grid: Grid): string {
  try {
    const table = understandTable(grid);
    return JSON.stringify(withFigures(table, figureYear(table, 2022)));
  } catch (error) {
    if (error instanceof LedgerError) return `refused:${error.code}`;
    throw error;
  }
}

// Goal and progress as build/bench/figures.ts writes them: each row its own numbers.
const shapes: ((i: number) => [string, string, string])[] = [
  (i) => [`开展职业技能培训和评价取证。全年完成技能培训${(i % 9) + 1}.8万人次、新增技能人才2.28万人（含高技能人才9300人）。`, '县人社局', `目前已成立16家企业评价机构。各成员单位完成培训人数5.${i % 10}8万人次，新增技能人才3.21万人（含新增高技能人才1.13万人）。`],
  (i) => [`实施残疾儿童康复救助。对符合条件的残疾儿童开展康复救助，全年救助不少于${100 + (i % 80)}人。`, '县残联', `将残疾儿童康复救助作为年度首要工作任务列入县残联年度计划，目前已实施残疾儿童康复救助${i % 150}人。`],
  (i) => [`提高妇女儿童健康保障水平。宫颈癌、乳腺癌筛查，各完成筛查1.4万人。年底前实现新生儿听力筛查率达到98%。`, '县卫健委', `截至7月25日，宫颈癌筛查人数为${8000 + (i % 900)}人，完成全年任务60%，乳腺癌筛查人数为8702人，完成全年任务62%。新生儿听力筛查2877人，筛查率99.07%(目标任务为90%以上)。`],
  (i) => [`推进城市窨井设施及城镇老旧小区改造提升。对存在安全隐患的窨井设施更换改造（市定任务478个）。`, '县城管局\n县住建局', `县城管局：已整改病害井盖${200 + (i % 50)}座，超额完成市定任务数的400%。\n县住建局：已完成招标程序审批工作并发布招标公告，7月28日进行公开招标。`],
];

function benchTable(rows: number): Grid {
  const cells: Cell[][] = [['2022年省民生实事叶县工作任务推进情况表'], ['截至日期：2022年7月25日'], ['编号', '工作任务', '责任单位', '工作进度']];
  for (let i = 1; i <= rows; i++) {
    const [goal, unit, progress] = shapes[i % shapes.length]!(i);
    cells.push([i, `第${i}项：${goal}`, unit, progress]);
  }
  return { cells, merges: [] };
}

describe.skipIf(!haveSharedWorkbooks)('the figures an import reads, before and after the speed work', () => {
  it('are the recorded ones for every accepted workbook and the bench’s 20,000-row table', async () => {
    const hash = createHash('sha256');
    let accepted = 0;
    for await (const { file, grids } of acceptedWorkbooks()) {
      accepted++;
      for (const grid of grids) hash.update(`${file}\n${figured(grid)}\n`);
    }
    expect(accepted).toBeGreaterThan(90);
    // Twice: the second time with the memos holding the first's readings.
    const bench = benchTable(20_000);
    hash.update(figured(bench));
    hash.update(figured(bench));
    expect(hash.digest('hex')).toBe('946ff9c09a0fe61afc0a042fd53bd726f09593a466c2aab79c80d57aa9cddbbb');
  }, 300_000);
});
