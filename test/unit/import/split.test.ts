import { describe, expect, it } from 'vitest';
import { splitPeople, splitUnitProgress, splitUnitRoles, splitUnits } from '../../../shared/import/split';
import { matchHeader, normalizeHeader } from '../../../shared/import/headers';
import { normalizeSeq } from '../../../shared/import/understand';

describe('splitting people', () => {
  it.each([
    ['王 晓 滕跃峰', ['王晓', '滕跃峰']],
    ['王 晓', ['王晓']],
    ['王　晓', ['王晓']],
    ['兰建伟 王清伟', ['兰建伟', '王清伟']],
    ['胡炜哲\n王二宝\n何鹏飞', ['胡炜哲', '王二宝', '何鹏飞']],
    ['张三、李四，王五;赵六', ['张三', '李四', '王五', '赵六']],
    ['王 晓\n滕跃峰', ['王晓', '滕跃峰']],
    // A bracketed note (兼, a post) is not part of the name: the directory knows the person as 李明.
    ['李明（兼）、王刚', ['李明', '王刚']],
    ['张三（局长）\n李四（副局长）', ['张三', '李四']],
    ['周九 13800001111', ['周九']],
    ['县委常委、常务副县长 王五', ['王五']],
    ['副县长 赵六', ['赵六']],
    ['县政协副主席吴十一', ['吴十一']],
    ['钱七（县委常委、副县长）', ['钱七']],
    ['', []],
    ['无', []],
  ])('%j → %j', (raw, expected) => {
    expect(splitPeople(raw)).toEqual(expected);
  });
});

describe('splitting units', () => {
  it.each([
    ['县城管局\n县住建局', ['县城管局', '县住建局']],
    ['各县（市、区）政府', ['各县（市、区）政府']],
    ['市民政局、市委组织部，相关县（市、区）政府', ['市民政局', '市委组织部', '相关县（市、区）政府']],
    ['县住建局 县财政局', ['县住建局', '县财政局']],
    ['县 财政局', ['县财政局']],
    ['区妇联；区卫健委', ['区妇联', '区卫健委']],
    ['县人社局\r\n县人社局', ['县人社局']],
  ])('%j → %j', (raw, expected) => {
    expect(splitUnits(raw)).toEqual(expected);
  });
});

describe('units with their roles written in', () => {
  it.each([
    ['县教育局牵头，县财政局、县住建局配合', { lead: ['县教育局'], support: ['县财政局', '县住建局'], people: [] }],
    ['县住建局（牵头）\n各乡镇（街道）', { lead: ['县住建局', '各乡镇（街道）'], support: [], people: [] }],
    ['县交通运输局负责', { lead: ['县交通运输局'], support: [], people: [] }],
    ['县人社局等', { lead: ['县人社局'], support: [], people: [] }],
    ['县教育局（张三）', { lead: ['县教育局'], support: [], people: ['张三'] }],
    ['各县（市、区）政府', { lead: ['各县（市、区）政府'], support: [], people: [] }],
    ['县委宣传部（县网信办）', { lead: ['县委宣传部（县网信办）'], support: [], people: [] }],
  ])('%j → %j', (raw, expected) => {
    expect(splitUnitRoles(raw)).toEqual(expected);
  });
});

describe('progress split by unit', () => {
  it('finds a numbered label naming a unit with brackets', () => {
    const text = '1.县水利局：管网铺设完成；\n2.各乡镇（街道）：入户改造完成60%';
    expect(splitUnitProgress(text, ['县水利局', '各乡镇（街道）'])).toEqual([
      { unit: '县水利局', text: '管网铺设完成；', known: true },
      { unit: '各乡镇（街道）', text: '入户改造完成60%', known: true },
    ]);
  });

  it('splits at each unit label, matching the row units', () => {
    const text = '县城管局： 已整改病害井盖201座。\n县住建局： 已完成拦标价编制工作。';
    expect(splitUnitProgress(text, ['县城管局', '县住建局'])).toEqual([
      { unit: '县城管局', text: '已整改病害井盖201座。', known: true },
      { unit: '县住建局', text: '已完成拦标价编制工作。', known: true },
    ]);
  });

  it('matches a short label to the row unit and flags unknown ones', () => {
    const parts = splitUnitProgress('城管局：完成5处。区交通局：完成2处。', ['区城管局']);
    expect(parts.map((p) => [p.unit, p.known])).toEqual([
      ['区城管局', true],
      ['区交通局', false],
    ]);
  });

  it('leaves prose without labels whole', () => {
    expect(splitUnitProgress('(1) 免费“两癌”筛查开展情况，截至7月25日，宫颈癌筛查人数为8406人。', ['县卫健委'])).toEqual([]);
    expect(splitUnitProgress('目前进展：已完成选址。', ['团县委'])).toEqual([]);
  });
});

describe('headers', () => {
  it.each([
    ['责 任 人', 'responsiblePeople'],
    ['工作\n进度', 'progress'],
    ['分管县领导', 'leaders'],
    ['主要责任单位', 'leadUnits'],
    ['相关责任单位', 'supportUnits'],
    ['序　号', 'seq'],
    ['实事名称', 'project'],
    ['完成率（%）', 'rate'],
    ['计量单位', 'unit'],
    ['截至7月底工作进展情况', 'progress'],
    ['累计完成', 'actual'],
    ['目标值', 'target'],
    ['备注', 'remark'],
  ])('%j is %s', (text, field) => {
    expect(matchHeader(text)?.field).toBe(field);
  });

  it('does not read a long title or a data cell as a header', () => {
    expect(matchHeader('2022年省民生实事叶县工作任务推进情况表')).toBeNull();
    expect(matchHeader('县人社局')).toBeNull();
    expect(normalizeHeader(' 工作\n进度（截至9月底）：')).toBe('工作进度');
  });

  it.each([
    ['1', '1'],
    ['一', '1'],
    ['（三）', '3'],
    ['十一、', '11'],
    ['２', '2'],
    ['1.', '1'],
    ['A-1', 'A-1'],
    ['', null],
  ])('seq %j → %j', (raw, expected) => {
    expect(normalizeSeq(raw)).toBe(expected);
  });
});
