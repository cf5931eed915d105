import { describe, expect, it } from 'vitest';
import { judgePlan } from '../../../shared/status/engine';
import { defaultPreset } from '../../../shared/status/presets';
import { planWindow } from '../../../shared/status/schedule';
import type { IndicatorStatusInput, ProjectStatusInput } from '../../../shared/status/types';
import { findAsOf } from '../../../shared/text/dates';
import { rankActuals, suggestActuals } from '../../../shared/text/actuals';
import { suggestIndicators, type QuantityIndicatorSuggestion } from '../../../shared/text/suggest';
import { quote, seedsPresent } from '../text/seedText';

/**
 * Issue #3's acceptance example: seed 000, "2021年前三季度区重点民生实事进展情况的通报", judged as of
 * 2021-09-30 under the default (银川) rule.
 */
const ctx = { asOf: '2021-09-30', preset: defaultPreset, ...planWindow(2021) };

describe('seed 000 as of 2021-09-30, figures copied from the bulletin', () => {
  const projects: ProjectStatusInput[] = [
    // 二、"全年救助不少于 70 人" — "全区共有 98 名各类残疾儿童接受康复服务"
    { id: '二', reported: true, indicators: [{ name: '残疾儿童康复救助', kind: 'count', comparator: '>=', target: 70, unit: '人', actual: 98 }] },
    // 十二、"全区 345928 人完成食品安全责任保险投保工作…合计保费 484299 元" — "共投入资金 484299 元，已完成为辖区 345928 名…"
    {
      id: '十二',
      reported: true,
      indicators: [
        { name: '投保人数', kind: 'count', comparator: '>=', target: 345928, unit: '人', actual: 345928 },
        { name: '保费', kind: 'amount', comparator: '>=', target: 484299, unit: '元', actual: 484299 },
      ],
    },
    // 四、"完成12公里农村公路提档升级任务" — "已完成6公里水泥稳定砂砾石基层"
    { id: '四', reported: true, indicators: [{ name: '农村公路提档升级', kind: 'length', comparator: '>=', target: 12, unit: '公里', actual: 6 }] },
    // 三、"全年完成改造 3006 户" — the report tells of tenders and reviews, with no number of households done.
    { id: '三', reported: true, indicators: [{ name: '老旧小区改造', kind: 'count', comparator: '>=', target: 3006, unit: '户', actual: null }] },
  ];
  const [children, insurance, road, renovation] = judgePlan(projects, ctx);

  it('disabled-children rescue: 98 of 70 → completed, green', () => {
    expect(children).toMatchObject({ status: 'completed', light: 'green', completion: 1.4 });
  });

  it('food-safety insurance: completed, green', () => {
    expect(insurance).toMatchObject({ status: 'completed', light: 'green', completion: 1 });
  });

  it('rural roads: 6 of 12 km at 75% of the year → lagging, yellow, 25 points behind, with the reason', () => {
    expect(road).toMatchObject({ status: 'lagging', light: 'yellow', completion: 0.5, timeProgress: 273 / 365 });
    expect(road?.reasons[0]).toBe('完成 50%，时序进度 75%，落后 25 个百分点');
    expect(road?.reasons[1]).toContain('默认规则（银川）');
    expect(road?.preset).toEqual({ name: 'default', version: 1 });
  });

  it('old-residential renovation: no number reported → manual, no light, a person must judge', () => {
    expect(renovation).toMatchObject({ status: 'manual', light: 'none', completion: null });
    expect(renovation?.reasons[0]).toContain('需人工判定');
  });
});

describe.skipIf(!seedsPresent)('seed 000 end to end: suggestions read from the text, then judged', () => {
  const year = 2021;
  // Each project: its goal text and its progress text, quoted verbatim from the seed.
  const cases = [
    {
      id: '二',
      goal: quote('000', '全年救助不少于 70 人，基本实现有需求残疾儿童应救尽救。'),
      progress: quote(
        '000',
        '截至 9 月底，全区共有 98 名各类残疾儿童接受康复服务（视力 3 人、听力 7 人、肢体 43 人、智力 33 人、孤独症 12 人），完成年度目标 140%（年度目标为不少于 70 人）。',
      ),
    },
    {
      id: '十二',
      goal: quote('000', '2021 年，全区 345928 人完成食品安全责任保险投保工作'),
      progress: quote('000', '截至 9 月底，共投入资金 484299 元，已完成为辖区 345928 名常住人口居民购买食品安全责任保险工作。'),
    },
    {
      id: '四',
      goal: quote('000', '完成12公里农村公路提档升级任务。'),
      progress: quote(
        '000',
        '截止9月底，项目《工程可行性研究报告》已经区发改委立项批复，施工图预算财政评审工作进行中。77.87公里道路合并打包公开招标由中亚交建集团公司中标，施工单位已进场开工。施工监理招标工作于8月16日完成。苗张路、王庄至平桐路等已完成6公里水泥稳定砂砾石基层，正在进行沥青混凝土路面铺筑工作，排水沟施工已完成2700米。',
      ),
    },
    {
      id: '三',
      goal: quote('000', '全年完成改造 3006 户。'),
      progress: quote(
        '000',
        '截止9月底，50个老旧小区3006户改造项目已有12个完成招标并进场施工，由大型国企中标参与，可以进行统一管理，保障工程进度；其余38个项目目前正在进行财政评审，待评审结束即可招标实施。',
      ),
    },
  ];

  // What a person would confirm: every suggested target, each with its best confident actual (or none).
  const projects: ProjectStatusInput[] = cases.map(({ id, goal, progress }) => {
    const items = suggestActuals(progress, { year }).items;
    const indicators = suggestIndicators(goal, { year })
      .filter((g): g is QuantityIndicatorSuggestion => g.kind !== 'milestone')
      .map((g): IndicatorStatusInput => {
        const best = rankActuals({ kind: g.kind, unit: g.unit, target: g.target, label: g.label }, items).find((c) => c.confident);
        return { name: g.label, kind: g.kind, comparator: g.comparator, target: g.target, unit: g.unit, actual: best?.value ?? null };
      });
    return { id, reported: true, indicators };
  });

  it('reads the as-of date of every progress text as 2021-09-30', () => {
    expect(cases.map((c) => findAsOf(c.progress, year)?.date)).toEqual(['2021-09-30', '2021-09-30', '2021-09-30', '2021-09-30']);
  });

  it('reads the targets and actuals the bulletin states', () => {
    expect(projects.map((p) => p.indicators.map((i) => [i.target, i.unit, i.actual]))).toEqual([
      [[70, '人', 98]],
      [[345928, '人', 345928]],
      [[12, '公里', 6]],
      [[3006, '户', null]],
    ]);
  });

  it('judges them as the issue expects', () => {
    const judged = judgePlan(projects, ctx);
    expect(judged.map((j) => [j.projectId, j.status, j.light])).toEqual([
      ['二', 'completed', 'green'],
      ['十二', 'completed', 'green'],
      ['四', 'lagging', 'yellow'],
      ['三', 'manual', 'none'],
    ]);
    expect(judged[2]?.reasons[0]).toBe('完成 50%，时序进度 75%，落后 25 个百分点');
  });
});
