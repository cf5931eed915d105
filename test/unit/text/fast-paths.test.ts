import { describe, expect, it } from 'vitest';
import { readFigures, readTargets } from '../../../shared/text/figures';
import { isChineseNumeralChar, isChineseNumeralCode } from '../../../shared/text/numerals';
import { isClauseEnd, isClauseEndCode } from '../../../shared/text/sentences';
import { foldWidth } from '../../../shared/text/width';
import { generational, memoised } from '../../../shared/text/memo';
import { givesNothing } from '../../../shared/text/figures/targets';
import { givesNothingIn, plainFirstSentence } from '../../../shared/text/figures/cuts';
import { findQuantities } from '../../../shared/text/quantities';
import { findDates } from '../../../shared/text/dates';
import { seededRandom } from '../../helpers/seeded-random';

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

  it('a generational memo does not keep what `keep` refuses, and reads it again next time', () => {
    const read: string[] = [];
    const box = generational((text: string) => (read.push(text), { empty: text === '' }), 4, 10, (made) => !made.empty);
    for (const text of ['一', '', '一', '']) box(text);
    expect(read).toEqual(['一', '', '']);
  });

  it('a text said to give nothing has no quantity and no date, for 20,000 texts of the characters that matter', () => {
    const random = seededRandom(10);
    const alphabet = [...'第第第项：，。0123456789１２零一二十百万月年底末.,  ab万人个%（）'];
    const texts = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    const said = texts.filter((t) => givesNothing(t));
    expect(said.length).toBeGreaterThan(1000);
    expect(said.filter((t) => findQuantities(t).length > 0 || findDates(t, 2022).length > 0)).toEqual([]);
    expect(['第12项：开展职业技能培训和评价取证。', '推进工作。'].map(givesNothing)).toEqual([true, true]);
    expect(['第12项：新增5人。', '第一项：开展。', '第１项：。', '年底前投入使用。'].map(givesNothing)).toEqual([false, false, false, false]);
  });

  it('a plain first sentence is one up to the first 。 that gives nothing and holds no bracket, title or quotation mark', () => {
    const random = seededRandom(11);
    const alphabet = [...'第第第项：，。。0123456789１２零一二十百万月年底末.,  ab万人个%（）()《》“”各'];
    const texts = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    const plain = (t: string): number => {
      const end = t.indexOf('。') + 1;
      return end > 0 && givesNothingIn(t, 0, end) && !/[（(）)《》“”]/.test(t.slice(0, end)) ? end : -1;
    };
    expect(texts.filter((t) => plainFirstSentence(t) > 0).length).toBeGreaterThan(1000);
    expect(texts.filter((t) => plainFirstSentence(t) !== plain(t))).toEqual([]);
    expect(['第12项：开展职业技能培训和评价取证。全年完成5人。', '推进工作。', '年中推进。'].map(plainFirstSentence)).toEqual([19, 5, 5]);
    expect(['第12项：新增5人。', '第一项：开展。', '（一）开展。', '年底前投入使用。', '开展工作'].map(plainFirstSentence)).toEqual([-1, -1, -1, -1, -1]);
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

describe('a goal’s sentences and a progress text’s pairings, read once for many rows', () => {
  it('a sentence met in another row’s goal gives the same targets, at its own place and in its own year', () => {
    const brief = (goal: string, year: number) => readTargets(goal, year).map((t) => [t.key, t.label, t.target, t.span.start, t.span.text, t.deadline]);
    const rest = '全年救助不少于100人。年底前完成新生儿听力筛查3000人。';
    expect(brief(`第1项：${rest}`, 2022)).toEqual([
      ['t0', '救助', 100, 8, '不少于100人', null],
      ['t1', '完成新生儿听力筛查', 3000, 28, '3000人', '2022-12-31'],
    ]);
    expect(brief(`第22项：${rest}`, 2023)).toEqual([
      ['t0', '救助', 100, 9, '不少于100人', null],
      ['t1', '完成新生儿听力筛查', 3000, 29, '3000人', '2023-12-31'],
    ]);
  });

  it('a sentence opening with 各 still takes its subjects from the sentence before', () => {
    expect(readTargets('免费开展宫颈癌、乳腺癌筛查。各完成筛查1300人。', 2022).map((t) => [t.label, t.target])).toEqual([
      ['宫颈癌筛查', 1300],
      ['乳腺癌筛查', 1300],
    ]);
  });

  it('changing one row’s targets changes no other row’s', () => {
    const goal = (n: number) => `第${n}项：实施残疾儿童康复救助。全年救助不少于100人。`;
    const first = readTargets(goal(1), 2022)[0]!;
    expect(first.span.start).toBe(19);
    first.span.start = -1;
    expect([readTargets(goal(2), 2022)[0]!.span.start, readTargets(goal(1), 2022)[0]!.span.start]).toEqual([19, 19]);
  });

  it('the same progress is paired anew for indicators of another target', () => {
    const actual = (goal: string) => readFigures({ goal, progress: '已新建农村公路 200 公里。', unitProgress: [] }, { year: 2022 }).actuals.map((a) => a.value);
    // 200 is beyond five times 30: a total, not the work done; within five times 50.
    expect([actual('新建农村公路 30 公里。'), actual('新建农村公路 50 公里。'), actual('新建农村公路 30 公里。')]).toEqual([[], [200], []]);
  });
});
