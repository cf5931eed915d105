/**
 * The row readers' shortcuts (issue #13: understanding a 20,000-row table) answer as the long way does: the
 * first sentence found without splitting the whole text, and a total told without normalizing every cell.
 */
import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../../shared/import/headers';
import { firstSentence, firstSentenceOf, isTotal } from '../../../shared/import/row-kinds';
import { splitSentences } from '../../../shared/text';

const texts = [
  '',
  '   ',
  '\n\n',
  '。',
  ' 。 ',
  '\n 全年完成技能培训10万人次。新增技能人才3万人。',
  '全年完成技能培训10万人次',
  '（一）新建停车场3处2.改造农贸市场2个；其余',
  '第1项民生实事！全年完成？是的；好;再 ;\n末尾 ',
  '  \u3000开头有全角空格。第二句',
  '1、提升改造城区道路；\r\n2、新建公园',
  'a!b?c',
  '\t\n。\n；',
];

describe('the first sentence of a task text', () => {
  it('is the first of its sentences as splitSentences makes them', () => {
    for (const text of texts) expect(firstSentenceOf(text), JSON.stringify(text)).toBe(splitSentences(text)[0]?.text);
  });

  it('names the project as before', () => {
    expect(firstSentence('1、提升改造城区道路；\r\n2、新建公园')).toBe('提升改造城区道路');
    expect(firstSentence('新建停车场3处2.改造农贸市场2个。')).toBe('新建停车场3处');
    expect(firstSentence('   ')).toBe('');
  });
});

describe('a total row', () => {
  const slow = (value: string): boolean =>
    value.length <= 40 &&
    (/^(合计|总计|小计|汇总|总合计|共计)$/.test(normalizeHeader(value)) || /^(全[县区市镇乡]|总)?(合计|总计|共计)([:：].{0,8})?$/.test(normalizeHeader(value)));

  it('is told as by normalizing the text first', () => {
    const values = ['合计', '合 计', '合计（万元）', '总 计：', '全县合计：8项', '汇  总', '小计', '共计', '*合计*', '总合计', '１', '12', '项目合计数', '计划', '汇报', '合计'.repeat(21), ''];
    for (const v of values) expect(isTotal(v), v).toBe(slow(v));
    expect(isTotal('合 计')).toBe(true);
    expect(isTotal('全县合计：8项')).toBe(true);
    expect(isTotal('12')).toBe(false);
  });
});
