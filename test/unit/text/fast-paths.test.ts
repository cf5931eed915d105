import { describe, expect, it } from 'vitest';
import { readFigures } from '../../../shared/text/figures';
import { isChineseNumeralChar, isChineseNumeralCode } from '../../../shared/text/numerals';
import { isClauseEnd, isClauseEndCode } from '../../../shared/text/sentences';
import { foldWidth } from '../../../shared/text/width';
import { memoised } from '../../../shared/text/memo';

const everyCode = Array.from({ length: 0x10000 }, (_, code) => code);

describe('the readers’ fast paths say what the plain tests say', () => {
  it('a clause end by character code is a clause end by character, for every UTF-16 code', () => {
    expect(everyCode.filter((c) => isClauseEndCode(c) !== isClauseEnd(String.fromCharCode(c)))).toEqual([]);
  });

  it('a Chinese numeral by character code is one by character, for every UTF-16 code', () => {
    expect(everyCode.filter((c) => isChineseNumeralCode(c) !== isChineseNumeralChar(String.fromCharCode(c)))).toEqual([]);
    expect(isChineseNumeralCode(Number.NaN)).toBe(false);
  });

  it('a memoised reader reads each short text once, forgets all when full, and never keeps a long text', () => {
    const read: string[] = [];
    const length = memoised((text: string) => (read.push(text), text.length), 2, 5);
    for (const text of ['一二', '一二', '三', '四', '一二', '六七八九十百', '六七八九十百']) length(text);
    expect(read).toEqual(['一二', '三', '四', '一二', '六七八九十百', '六七八九十百']);
  });

  it('folding remembers the last text only for that text', () => {
    expect([foldWidth('完成１２公里'), foldWidth('完成12公里'), foldWidth('完成１２公里'), foldWidth('')]).toEqual(['完成12公里', '完成12公里', '完成12公里', '']);
  });
});

describe('a progress text read again is read the same, and each row gets its own figures', () => {
  const input = {
    goal: '新建和改造农村公路 30 公里以上。',
    progress: '县交通局：项目已完成 12.85 公里，完成全年任务的 43%。县住建局：完成全年任务的 50%。',
    unitProgress: [
      { unit: '县交通局', text: '项目已完成 12.85 公里，完成全年任务的 43%。' },
      { unit: '县住建局', text: '完成全年任务的 50%。' },
    ],
  };

  it('the same figures, whole or split by unit, however often the text comes', () => {
    const whole = { ...input, unitProgress: [] };
    for (const row of [whole, input]) {
      const first = readFigures(row, { year: 2022 });
      expect(readFigures(row, { year: 2022 })).toEqual(first);
      expect(first.actuals[0]?.value).toBe(12.85);
    }
    expect(readFigures(whole, { year: 2022 }).stated?.span.text).toBe('完成全年任务的 43%');
    expect(readFigures(input, { year: 2022 }).stated).toMatchObject({ share: 43, span: { start: 20, text: '完成全年任务的 43%' } });
  });

  it('changing one row’s figures changes no other row’s', () => {
    const first = readFigures(input, { year: 2022 });
    first.stated!.span.start = -1;
    first.actuals[0]!.span.start = -1;
    const again = readFigures(input, { year: 2022 });
    expect([again.stated?.span.start, again.actuals[0]?.span.start]).toEqual([20, 11]);
  });
});
