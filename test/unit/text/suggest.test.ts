import { describe, expect, it } from 'vitest';
import { rankActuals, suggestActuals, type ActualSuggestion } from '../../../shared/text/actuals';
import { suggestIndicators, type QuantityIndicatorSuggestion } from '../../../shared/text/suggest';
import { quote, seedsPresent } from './seedText';

const goals = (text: string) =>
  suggestIndicators(text, { year: 2021 }).map((g) =>
    g.kind === 'milestone'
      ? { kind: g.kind, label: g.label, deadline: g.deadline }
      : { kind: g.kind, label: g.label, comparator: g.comparator, target: g.target, unit: g.unit, approximate: g.approximate },
  );

const quantityGoals = (text: string): QuantityIndicatorSuggestion[] =>
  suggestIndicators(text, { year: 2021 }).filter((g): g is QuantityIndicatorSuggestion => g.kind !== 'milestone');

const actuals = (text: string) => suggestActuals(text, { year: 2021 }).items.map((a) => [a.role, a.value, a.unit, a.cued]);

describe('suggestIndicators on the issue examples', () => {
  it('reads a rate bound: "覆盖率达到 55% 以上"', () => {
    expect(goals('覆盖率达到 55% 以上')).toEqual([{ kind: 'rate', label: '覆盖率', comparator: '>=', target: 55, unit: '%', approximate: false }]);
  });

  it('reads a length: "新建改建农村公路 12 公里"', () => {
    expect(goals('新建改建农村公路 12 公里')).toEqual([
      { kind: 'length', label: '新建改建农村公路', comparator: '>=', target: 12, unit: '公里', approximate: false },
    ]);
  });

  it('gives each listed subject its own indicator: "宫颈癌、乳腺癌各完成筛查 2300 人"', () => {
    const found = quantityGoals('宫颈癌、乳腺癌各完成筛查 2300 人');
    expect(found.map((g) => [g.subject, g.label, g.target, g.unit])).toEqual([
      ['宫颈癌', '宫颈癌完成筛查', 2300, '人'],
      ['乳腺癌', '乳腺癌完成筛查', 2300, '人'],
    ]);
    // Both point at the same words, so the UI can highlight them.
    expect(found.map((g) => g.source.text)).toEqual(['2300 人', '2300 人']);
  });

  it('leaves out qualifiers that say what counts ("面积在300平方米以上的")', () => {
    const found = goals('新增建筑面积在300平方米以上的规范化社区办公用房不少于6个');
    expect(found).toEqual([{ kind: 'count', label: '规范化社区办公用房', comparator: '>=', target: 6, unit: '个', approximate: false }]);
  });
});

describe.skipIf(!seedsPresent)('suggestIndicators on seed goal texts', () => {
  it('000 一: two screenings of 2300 people each, and three rates with explicit bounds', () => {
    const text = quote(
      '000',
      '宫颈癌、乳腺癌各完成筛查 2300 人，包括为筛查中需要做阴道镜检查的对象免费进行传染病四项检查；免费开展预防出生缺陷产前筛查和新生儿疾病筛查，对筛查出的高风险孕妇进行免费产前诊断。全区完成孕早中期产前筛查覆盖率达到 55% 以上，新生儿“两病”筛查率达到 90% 以上、新生儿听力筛查率达到 90% 以上。',
    );
    const found = quantityGoals(text);
    const rates = found.filter((g) => g.unit === '%');
    expect(rates.map((g) => [g.label, g.comparator, g.comparatorExplicit, g.target])).toEqual([
      ['全区完成孕早中期产前筛查覆盖率', '>=', true, 55],
      ['新生儿“两病”筛查率', '>=', true, 90],
      ['新生儿听力筛查率', '>=', true, 90],
    ]);
    expect(found.filter((g) => g.unit === '人').map((g) => [g.subject, g.target])).toEqual([
      ['宫颈癌', 2300],
      ['乳腺癌', 2300],
    ]);
  });

  it('000 二: "全年救助不少于 70 人" is an explicit minimum of 70 people', () => {
    expect(goals(quote('000', '全年救助不少于 70 人'))).toEqual([
      { kind: 'count', label: '救助', comparator: '>=', target: 70, unit: '人', approximate: false },
    ]);
  });

  it('000 四: "完成12公里农村公路提档升级任务"', () => {
    expect(goals(quote('000', '完成12公里农村公路提档升级任务'))).toEqual([
      { kind: 'length', label: '完成农村公路提档升级任务', comparator: '>=', target: 12, unit: '公里', approximate: false },
    ]);
  });

  it('000 六: dated steps become milestones, and the dated count keeps its deadline', () => {
    const text = quote(
      '000',
      '2021年3月底之前，完成城市公共区域所有窨井盖确权建档和专项整治方案的制定；6月底之前对所有普查统计的窨井盖统一纳入数字化城市管理平台；12月31日前完成500个问题井盖的整治任务。',
    );
    const found = suggestIndicators(text, { year: 2021 });
    expect(found.map((g) => [g.kind, g.label, g.deadline, g.kind === 'milestone' ? null : g.target])).toEqual([
      ['milestone', '完成城市公共区域所有窨井盖确权建档和专项整治方案的制定', '2021-03-31', null],
      ['milestone', '对所有普查统计的窨井盖统一纳入数字化城市管理平台', '2021-06-30', null],
      ['count', '完成问题井盖的整治任务', '2021-12-31', 500],
    ]);
  });

  it('000 十二: the insured population and the premiums', () => {
    const text = quote('000', '2021 年，全区 345928 人完成食品安全责任保险投保工作，预计每人保费 1.4 元，合计保费 484299 元。');
    expect(goals(text).map((g) => ('target' in g ? [g.target, g.unit] : null))).toEqual([
      [345928, '人'],
      [1.4, '元'],
      [484299, '元'],
    ]);
  });

  it('001: 万 targets with bounds — "不少于2.9万户", "986个以上"', () => {
    expect(goals(quote('001', '全年完成改造不少于2.9万户'))).toEqual([
      { kind: 'count', label: '完成改造', comparator: '>=', target: 29000, unit: '户', approximate: false },
    ]);
    expect(quantityGoals(quote('001', '全年开通5G基站986个以上')).map((g) => [g.label, g.target, g.unit, g.comparatorExplicit])).toEqual([
      ['开通5G基站', 986, '个', true],
    ]);
  });

  it('002: "新建和改造农村公路 30 公里以上"', () => {
    expect(goals(quote('002', '新建和改造农村公路 30 公里以上'))).toEqual([
      { kind: 'length', label: '新建和改造农村公路', comparator: '>=', target: 30, unit: '公里', approximate: false },
    ]);
  });

  it('003: 0.885万人, 1.75万人次, 占比达到 80% 以上, 30余万人', () => {
    expect(quantityGoals(quote('003', '城镇新增就业 0.885 万人')).map((g) => [g.target, g.unit])).toEqual([[8850, '人']]);
    expect(quantityGoals(quote('003', '全年开展职业技能培训 1.75 万人次')).map((g) => [g.target, g.unit])).toEqual([[17500, '人次']]);
    expect(
      quantityGoals(quote('003', '其中公办村卫生室达 56 个，占比达到 80% 以上')).map((g) => [g.label, g.comparator, g.target, g.unit]),
    ).toEqual([
      ['公办村卫生室', '>=', 56, '个'],
      ['占比', '>=', 80, '%'],
    ]);
    expect(quantityGoals(quote('003', '为全区30余万人升级投保食品安全责任保险')).map((g) => [g.target, g.approximate])).toEqual([[300000, true]]);
  });

  it('004: "全年完成技能培训 2.8 万人次" and "突破 26 万" with its year-end deadline', () => {
    expect(quantityGoals(quote('004', '全年完成技能培训 2.8 万人次')).map((g) => [g.target, g.unit])).toEqual([[28000, '人次']]);
    const users = quantityGoals(quote('004', '年底前实现“豫事办”实名注册用户数突破26万'));
    expect(users.map((g) => [g.comparator, g.comparatorExplicit, g.target, g.unit, g.deadline])).toEqual([['>=', true, 260000, '', '2021-12-31']]);
  });
});

describe.skipIf(!seedsPresent)('suggestActuals on seed progress texts', () => {
  it('000 一: counts and rates are actuals, the bracketed target is only restated', () => {
    const text = quote('000', '截止 9 月底，（1）全区完成免费产前四维彩色超声筛查 1662 例，覆盖率为 108.91%（年目标任务为覆盖率达到 55% 以上）。');
    const reading = suggestActuals(text, { year: 2021 });
    expect(reading.asOf?.date).toBe('2021-09-30');
    expect(actuals(text)).toEqual([
      ['actual', 1662, '例', true],
      ['actual', 108.91, '%', true],
      ['restatedTarget', 55, '%', true],
    ]);
    expect(reading.items[0]?.label).toBe('全区完成免费产前四维彩色超声筛查');
  });

  it('000 一 (5): "完成 68.22%" is a share of the target, not a rate', () => {
    const text = quote('000', '全区共完成宫颈癌筛查 1569 人，完成 68.22%；完成乳腺癌筛查 1625 人，完成 70.65%。');
    expect(actuals(text).map(([role, value]) => [role, value])).toEqual([
      ['actual', 1569],
      ['share', 68.22],
      ['actual', 1625],
      ['share', 70.65],
    ]);
  });

  it('000 二: 98 名 is the best actual for "不少于 70 人"; the breakdown and the restated 70 are not', () => {
    const text = quote(
      '000',
      '截至 9 月底，全区共有 98 名各类残疾儿童接受康复服务（视力 3 人、听力 7 人、肢体 43 人、智力 33 人、孤独症 12 人），完成年度目标 140%（年度目标为不少于 70 人）。',
    );
    const items = suggestActuals(text, { year: 2021 }).items;
    expect(items.find((a) => a.value === 70)?.role).toBe('restatedTarget');
    expect(items.find((a) => a.value === 140)?.role).toBe('share');
    const ranked = rankActuals({ kind: 'count', unit: '人', target: 70, label: '救助' }, items);
    expect(ranked[0]).toMatchObject({ value: 98, via: 'converted', confident: true });
    expect(ranked.some((c) => c.value === 70)).toBe(false);
    // The share gives the same figure another way: 140% of 70.
    expect(ranked.find((c) => c.via === 'share')?.value).toBeCloseTo(98, 9);
  });

  it('000 四: the 6 km done is preferred over the 77.87 km tendered and the 2700 m of ditch', () => {
    const text = quote(
      '000',
      '77.87公里道路合并打包公开招标由中亚交建集团公司中标，施工单位已进场开工。施工监理招标工作于8月16日完成。苗张路、王庄至平桐路等已完成6公里水泥稳定砂砾石基层，正在进行沥青混凝土路面铺筑工作，排水沟施工已完成2700米。',
    );
    const ranked = rankActuals({ kind: 'length', unit: '公里', target: 12, label: '完成农村公路提档升级任务' }, suggestActuals(text, { year: 2021 }).items);
    expect(ranked.map((c) => [c.value, c.via, c.confident])).toEqual([
      [6, 'sameUnit', true],
      [2.7, 'converted', true],
      [77.87, 'sameUnit', false],
    ]);
  });

  it('000 三: no confident figure for 3006 户 — the text names the target, not work done', () => {
    const text = quote('000', '截止9月底，50个老旧小区3006户改造项目已有12个完成招标并进场施工');
    const ranked = rankActuals({ kind: 'count', unit: '户', target: 3006 }, suggestActuals(text, { year: 2021 }).items);
    expect(ranked.filter((c) => c.confident)).toEqual([]);
  });

  it('001: "截至5月26日" sets the date; "占目标任务的43.34%" is a share', () => {
    expect(suggestActuals(quote('001', '进展情况：截至5月26日，全市共完成免费产前彩色超声筛查4405例，筛查率71.36%；'), { year: 2021 }).asOf?.date).toBe(
      '2021-05-26',
    );
    expect(actuals(quote('001', '已完成130场，占目标任务的43.34%。'))).toEqual([
      ['actual', 130, '场', true],
      ['share', 43.34, '%', false],
    ]);
  });

  it('001: "已录入系统12.8万余座" is an approximate actual of 128000 座', () => {
    const [first] = suggestActuals(quote('001', '已录入系统12.8万余座，发现存在隐患1.5万余座。'), { year: 2021 }).items;
    expect(first).toMatchObject({ role: 'actual', value: 128000, unit: '座', approximate: true, cued: true });
  });

  it('000 五: a figure followed by "已完工" is cued, and "完成率超过83%" is an approximate share', () => {
    const items = suggestActuals(quote('000', '截止9月底，增容5个改造配电台区已完工，完成率超过83%。'), { year: 2021 }).items;
    expect(items.map((a: ActualSuggestion) => [a.role, a.value, a.cued, a.approximate])).toEqual([
      ['actual', 5, true, false],
      ['share', 83, true, true],
    ]);
  });

  it('002: "完成全年目标 1.38 万人次的 155.17%" restates the target and gives a share', () => {
    expect(actuals(quote('002', '全区已累计开展技能培训 21414 人次，完成全年目标 1.38 万人次的 155.17%；'))).toEqual([
      ['actual', 21414, '人次', true],
      ['restatedTarget', 13800, '人次', true],
      ['share', 155.17, '%', false],
    ]);
  });

  it('004: "目前完成注册 25.9 万" is the actual for a unitless 26 万 target', () => {
    const items = suggestActuals(quote('004', '目前完成注册 25.9 万'), { year: 2021 }).items;
    expect(rankActuals({ kind: 'count', unit: '', target: 260000 }, items)[0]).toMatchObject({ value: 259000, confident: true });
  });

  it('offers nothing for a milestone: it is done or not, by its date', () => {
    expect(rankActuals({ kind: 'milestone', unit: '' }, suggestActuals('已完成 6 公里', { year: 2021 }).items)).toEqual([]);
  });
});
