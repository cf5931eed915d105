import { describe, expect, it } from 'vitest';
import { parseComparatorPhrase, readComparator } from '../../../shared/text/comparators';
import { findQuantities, parseQuantity } from '../../../shared/text/quantities';
import { convertUnit, kindOfUnit, unitsCompatible } from '../../../shared/text/units';

const q = (text: string) => {
  const found = parseQuantity(text);
  if (!found) throw new Error(`no single quantity in ${text}`);
  return { value: found.value, unit: found.unit, kind: found.kind, approximate: found.approximate };
};

describe('parseQuantity', () => {
  it('folds 万 into the value and keeps the unit', () => {
    expect(q('2.8万人次')).toEqual({ value: 28000, unit: '人次', kind: 'count', approximate: false });
    expect(q('0.885万人')).toEqual({ value: 8850, unit: '人', kind: 'count', approximate: false });
    expect(q('1.75 万人次')).toEqual({ value: 17500, unit: '人次', kind: 'count', approximate: false });
    expect(q('12.5万平方米')).toEqual({ value: 125000, unit: '平方米', kind: 'count', approximate: false });
  });

  it('marks 余, 多, 约 and 左右 as approximate', () => {
    expect(q('12.8万余座')).toEqual({ value: 128000, unit: '座', kind: 'count', approximate: true });
    expect(q('17000余个')).toMatchObject({ value: 17000, unit: '个', approximate: true });
    expect(q('30余万人')).toMatchObject({ value: 300000, unit: '人', approximate: true });
    expect(q('300多张')).toMatchObject({ value: 300, unit: '张', approximate: true });
    expect(q('约 9.54 公里')).toMatchObject({ value: 9.54, unit: '公里', approximate: true });
    expect(q('200人左右')).toMatchObject({ value: 200, unit: '人', approximate: true });
    expect(q('2300 人')).toMatchObject({ approximate: false });
  });

  it('treats 万元 and 亿元 as units of money rather than multipliers', () => {
    expect(q('投资 3400 万元')).toEqual({ value: 3400, unit: '万元', kind: 'amount', approximate: false });
    expect(q('1.2亿元')).toEqual({ value: 1.2, unit: '亿元', kind: 'amount', approximate: false });
    expect(q('500余万元')).toMatchObject({ value: 500, unit: '万元', approximate: true });
  });

  it('keeps a bare 万 or 亿 figure with an empty unit ("完成注册 25.9 万")', () => {
    expect(q('完成注册 25.9 万。')).toEqual({ value: 259000, unit: '', kind: 'count', approximate: false });
    expect(q('累计投资2.95亿，')).toMatchObject({ value: 295000000, unit: '' });
  });

  it('reads lengths, rates and full-width forms', () => {
    expect(q('新建农村公路300公里')).toEqual({ value: 300, unit: '公里', kind: 'length', approximate: false });
    expect(q('线路220千米')).toMatchObject({ value: 220, unit: '千米', kind: 'length' });
    expect(q('覆盖率为 108.91%')).toEqual({ value: 108.91, unit: '%', kind: 'rate', approximate: false });
    expect(q('１２．５％')).toMatchObject({ value: 12.5, unit: '%', kind: 'rate' });
    expect(q('百分之五十五')).toMatchObject({ value: 55, unit: '%', kind: 'rate' });
    expect(q('建筑面积 2412 m²')).toMatchObject({ value: 2412, unit: 'm²' });
  });

  it('reads Chinese numerals before a unit', () => {
    expect(q('新建一座过街天桥')).toMatchObject({ value: 1, unit: '座' });
    expect(q('二十三个')).toMatchObject({ value: 23, unit: '个' });
    expect(q('两所')).toMatchObject({ value: 2, unit: '所' });
  });

  it('returns null when the text does not hold exactly one quantity', () => {
    expect(parseQuantity('宫颈癌 2300 人、乳腺癌 2300 人')).toBeNull();
    expect(parseQuantity('年度目标')).toBeNull();
  });
});

describe('findQuantities', () => {
  it('skips years, dates, ordinals, item numbers and codes', () => {
    expect(findQuantities('2021 年 10 月 9 日，第 7 期，（1）31路，5G基站，“6S”评选')).toEqual([]);
  });

  it('skips idioms made of numeral characters and phrases that only look like counts', () => {
    expect(findQuantities('千家万户、百城提质、“十百千”工程、一次宫颈癌筛查、一批项目')).toEqual([]);
  });

  it('does not read 千 in 千伏 as a multiplier', () => {
    const found = findQuantities('新建改造10千伏及以下线路220千米');
    expect(found.map((f) => [f.value, f.unit])).toEqual([[220, '千米']]);
  });

  it('reports offsets into the original text, full-width digits included', () => {
    const text = '完成１６６２例，覆盖率为１０８．９１％';
    const found = findQuantities(text);
    expect(found.map((f) => [f.value, f.unit, text.slice(f.start, f.end)])).toEqual([
      [1662, '例', '１６６２例'],
      [108.91, '%', '１０８．９１％'],
    ]);
  });

  it('prefers the longer unit (人次 over 人, 个百分点 over 个)', () => {
    expect(findQuantities('培训 5.48 万人次').map((f) => f.unit)).toEqual(['人次']);
    expect(findQuantities('提高 5 个百分点').map((f) => [f.unit, f.kind])).toEqual([['个百分点', 'rate']]);
  });
});

describe('comparators', () => {
  it.each([
    ['达到55%以上', '>=', 55, '%'],
    ['达到 55% 以上', '>=', 55, '%'],
    ['不少于70人', '>=', 70, '人'],
    ['不低于90%', '>=', 90, '%'],
    ['986个以上', '>=', 986, '个'],
    ['突破 26 万', '>=', 260000, ''],
    ['13.41 万人以上', '>=', 134100, '人'],
    ['不超过 1.4 元', '<=', 1.4, '元'],
    ['控制在 5% 以内', '<=', 5, '%'],
    ['低于 3%', '<=', 3, '%'],
    ['3 万元以下', '<=', 3, '万元'],
  ] as const)('%s → %s %d %s', (text, comparator, value, unit) => {
    const phrase = parseComparatorPhrase(text);
    expect(phrase).toMatchObject({ comparator, value, unit, explicit: true });
    expect(text.slice(phrase?.start, phrase?.end).replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('assumes ≥ when no bound word is written, and says so', () => {
    expect(parseComparatorPhrase('完成12公里农村公路提档升级任务')).toMatchObject({ comparator: '>=', explicit: false, value: 12 });
  });

  it('reads "不少于" as a minimum even though it ends with the cap word "少于"', () => {
    expect(parseComparatorPhrase('办公用房不少于6个')?.comparator).toBe('>=');
    expect(parseComparatorPhrase('办公用房少于6个')?.comparator).toBe('<=');
  });

  it('lets a cap word on either side win ("达到 3 万元以下")', () => {
    const text = '人均费用达到 3 万元以下';
    const [found] = findQuantities(text);
    expect(found && readComparator(text, found).comparator).toBe('<=');
  });

  it('returns null without a quantity', () => {
    expect(parseComparatorPhrase('基本实现应救尽救')).toBeNull();
  });
});

describe('units', () => {
  it('converts within a family and refuses across families', () => {
    expect(convertUnit(9.54, '公里', '米')).toBe(9540);
    expect(convertUnit(2700, '米', '公里')).toBe(2.7);
    expect(convertUnit(3400, '万元', '元')).toBe(34_000_000);
    expect(convertUnit(98, '名', '人')).toBe(98);
    expect(convertUnit(1, '公里', '人')).toBeNull();
    expect(convertUnit(1, '个', '座')).toBeNull();
  });

  it('knows which units measure the same thing and what kind they suggest', () => {
    expect(unitsCompatible('千米', 'km')).toBe(true);
    expect(unitsCompatible('人次', '人')).toBe(false);
    expect(kindOfUnit('万元')).toBe('amount');
    expect(kindOfUnit('公里')).toBe('length');
    expect(kindOfUnit('%')).toBe('rate');
    expect(kindOfUnit('户')).toBe('count');
    expect(kindOfUnit('未知单位')).toBe('count');
  });
});
