/**
 * Understanding gives the same result, to the byte, before and after work on its speed (issue #13): every
 * workbook of the fixtures and the calamine corpus that the reader accepts, and two generated 2,000-row county
 * tables, understood as the wizard does (the first sheet and its fallbacks, then again with the mapping sent
 * back), hashed together. The hash was recorded with the code before the speed work; a change to what
 * understanding means must record it anew, on purpose.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import type { Cell, Grid, MergeRange } from '../../../shared/import/grid';
import { applyMapping, understandTable } from '../../../shared/import/understand';
import { acceptedWorkbooks, haveSharedWorkbooks } from '../../helpers/accepted-workbooks';
import { seededRandom } from '../../helpers/seeded-random';


/** What understanding a grid gives, as JSON; a refusal as its code. */
function understood(grid: Grid): string {
  try {
    const table = understandTable(grid);
    const again = applyMapping(grid, table.columns, { headerRow: table.headerRow });
    return JSON.stringify([table, again]);
  } catch (error) {
    if (error instanceof LedgerError) return `refused:${error.code}`;
    throw error;
  }
}

const units = ['县人社局', '县医保局', '县城管局\n县住建局', '县交通局', '县教体局牵头，县财政局、县住建局配合', '县民政局（张三）', '县卫健委', '县残联、县 妇 联'];

/** A county table as build/bench/import.ts makes it, as the reader hands it over. */
function countyTable(rows: number): Grid {
  const cells: Cell[][] = [
    ['2022年省民生实事叶县工作任务推进情况表'],
    ['填报单位：叶县人民政府办公室', '', '', '截至日期：2022年7月25日'],
    ['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度'],
  ];
  for (let i = 1; i <= rows; i++) {
    const unit = units[i % 4 === 2 ? 2 : i % units.length]!;
    cells.push([
      i,
      `第${i}项民生实事。全年完成技能培训${(i % 9) + 1}.${i % 10}万人次、新增技能人才${i % 7}万人。`,
      unit,
      i % 3 ? '虎永福' : '王 晓 滕跃峰',
      '胡炜哲',
      unit.includes('\n') ? `县城管局：已整改病害井盖${i + 7}座。\n县住建局：已完成招标。` : `目前已成立${(i + 7) % 20}家企业评价机构，完成7家社会评价机构备案。`,
    ]);
  }
  return { cells, merges: [] };
}

/** A table with every kind of row: sections, names merged over tasks, figures, totals, footers, odd numbers. */
function mixedTable(rows: number): Grid {
  const random = seededRandom(13);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cells: Cell[][] = [
    ['附件1'],
    ['2023年县重点民生实事进展情况表'],
    ['填报单位（盖章）：县发改委', '', '', '', '单位：万元', '', '截至9月底'],
    ['序 号', '实事名称', '工作任务', '牵头单位', '配合单位', '责任人', '目标值', '单位', '完成值', '完成率', '完成时限', '进展情况', '备注'],
  ];
  const merges: MergeRange[] = [];
  let seq = 0;
  let section = 0;
  for (let r = 0; r < rows; r++) {
    const roll = random();
    if (roll < 0.03) {
      section++;
      cells.push([`${'一二三四五六七八九十'[section % 10]}、${pick(['已完成实事', '持续推进实事', '教育医疗'])}（${r % 20}件）`]);
      continue;
    }
    if (roll < 0.04) {
      cells.push(['', pick(['合计', '小 计', '全县合计']), '', '', '', '', 100 + r, '', 50 + r, '']);
      continue;
    }
    if (roll < 0.045) {
      cells.push([pick(['填表人：李四', '注：数据截至月底。', '2023年9月30日'])]);
      continue;
    }
    seq++;
    const tasks = random() < 0.2 ? 2 + Math.floor(random() * 3) : 1;
    const start = cells.length;
    for (let t = 0; t < tasks; t++) {
      const unit = pick(units);
      const target = random() < 0.5 ? Math.round(random() * 1000) : pick(['1.38万人次', '3所', '—', '无', '12.5公里']);
      cells.push([
        t === 0 ? pick([seq, `${seq}.0`, `（${seq}）`, `${seq}、`]) : '',
        t === 0 ? `新建改造项目${seq}号工程` : '',
        `任务${t + 1}：完成建设${(r % 9) + 1}处。年底前投用。`,
        unit,
        random() < 0.3 ? pick(['县财政局', '县自然资源局、县林业局', '']) : '',
        pick(['王 晓 滕跃峰', '副县长张三', '李四（局长）', '', '13800138000']),
        target,
        pick(['个', '万元', '亿元', '', '公里']),
        random() < 0.8 ? Math.round(random() * 800) : pick(['8000万元', '过半', '']),
        pick([0.55, '55%', '１２０％', 87, '', '未开始']),
        pick(['2023年12月底', '年底前', '2023-06-30', '', '10月']),
        unit.includes('\n') ? `县城管局：已整改${r}座。\n县住建局：已完成招标。\n县交通局：已开工。` : pick(['主体完工。', '已完成前期手续，正在施工。', '']),
        random() < 0.1 ? pick(['滞后', '资金未到位']) : '',
      ]);
    }
    if (tasks > 1) {
      merges.push({ s: { r: start, c: 0 }, e: { r: start + tasks - 1, c: 0 } }, { s: { r: start, c: 1 }, e: { r: start + tasks - 1, c: 1 } });
    }
  }
  cells.push(['填报人：王五', '', '', '联系电话：12345678']);
  return { cells, merges };
}

describe.skipIf(!haveSharedWorkbooks)('understanding, before and after the speed work', () => {
  it('gives the recorded result for every accepted workbook and the generated county tables', async () => {
    const hash = createHash('sha256');
    let accepted = 0;
    for await (const { file, grids } of acceptedWorkbooks()) {
      accepted++;
      for (const grid of grids) hash.update(`${file}\n${understood(grid)}\n`);
    }
    expect(accepted).toBeGreaterThan(90);
    hash.update(understood(countyTable(2000)));
    hash.update(understood(mixedTable(2000)));
    expect(hash.digest('hex')).toBe('aaca2e246b7163d49adc712c8643f4ef8f16241b80779069bf43d73d694ba281');
  }, 120_000);
});
