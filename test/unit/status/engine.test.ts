import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { judgePlan, judgeProject } from '../../../shared/status/engine';
import { createCustomPreset, defaultPreset, ratioPreset } from '../../../shared/status/presets';
import { indicatorReason } from '../../../shared/status/reasons';
import { severityOf } from '../../../shared/status/severity';
import { count, project, sept30 } from './fixtures';

describe('classes under the default rule at 30 September (timeProgress 74.8%)', () => {
  it('completed when every indicator is met, with a green light', () => {
    const j = judgeProject(project([count(10, 10), count(5, 7)]), sept30);
    expect([j.status, j.light, j.completion]).toEqual(['completed', 'green', 1]);
    expect(j.indicators.map((i) => i.state)).toEqual(['met', 'met']);
  });

  it('onTrack within 10 points of the schedule, lagging yellow beyond 10, red beyond 30', () => {
    const at = (done: number) => judgeProject(project([count(100, done)]), sept30);
    expect([at(65).status, at(65).light]).toEqual(['onTrack', 'green']); // 9.8 points behind
    expect([at(64).status, at(64).light]).toEqual(['lagging', 'yellow']); // 10.8 behind
    expect([at(45).status, at(45).light]).toEqual(['lagging', 'yellow']); // 29.8 behind
    expect([at(44).status, at(44).light]).toEqual(['lagging', 'red']); // 30.8 behind
  });

  it('treats exactly the yellow gap as on schedule ("more than" the gap lags)', () => {
    // A 10-day plan keeps the shares round: day 6 of 10 → 60% elapsed; 50% done → exactly 10 points behind.
    const ctx = { ...sept30, planStart: '2021-01-01', planEnd: '2021-01-10', asOf: '2021-01-06' };
    expect(judgeProject(project([count(10, 5)]), ctx)).toMatchObject({ status: 'onTrack', light: 'green' });
    // Day 8 of 10, 50% done: exactly 30 points behind is still yellow, not red.
    expect(judgeProject(project([count(10, 5)]), { ...ctx, asOf: '2021-01-08' })).toMatchObject({ status: 'lagging', light: 'yellow' });
    // 70% elapsed with 40% done: 30 points in floating point is 29.999…, and must not flip either way.
    expect(judgeProject(project([count(10, 4)]), { ...ctx, asOf: '2021-01-07' })).toMatchObject({ light: 'yellow' });
    expect(judgeProject(project([count(100, 49)]), ctx)).toMatchObject({ status: 'lagging', light: 'yellow' });
  });

  it('overdue and red once the deadline has passed without completion', () => {
    const j = judgeProject(project([count(10, 9)], { deadline: '2021-08-31' }), sept30);
    expect([j.status, j.light]).toEqual(['overdue', 'red']);
    expect(j.reasons[0]).toContain('2021-08-31 已过');
    expect(j.timeProgress).toBe(1);
  });

  it('not overdue on the deadline day itself', () => {
    expect(judgeProject(project([count(10, 9)], { deadline: '2021-09-30' }), sept30).status).toBe('onTrack');
  });

  it('missingReport when nothing was reported this period, with the preset light', () => {
    const j = judgeProject(project([count(100, 70)], { reported: false }), sept30);
    expect([j.status, j.light]).toEqual(['missingReport', 'yellow']);
    expect(j.reasons[0]).toBe('本期未报送进展情况');
    expect(j.reasons[1]).toMatch(/^按最近一次报送：完成 70%/);
    const strict = createCustomPreset(defaultPreset, 'strict', { missingReportLight: 'red' });
    expect(judgeProject(project([count(100, 70)], { reported: false }), { ...sept30, preset: strict }).light).toBe('red');
  });

  it('manual with no light when there is no quantitative indicator', () => {
    const j = judgeProject(project([]), sept30);
    expect([j.status, j.light, j.completion]).toEqual(['manual', 'none', null]);
    expect(j.reasons).toEqual(['没有量化指标，需人工判定']);
  });

  it('manual when a figure is missing and the known ones do not prove lateness', () => {
    const j = judgeProject(project([count(100, 80), count(50, null)]), sept30);
    expect([j.status, j.light, j.completion]).toEqual(['manual', 'none', null]);
    expect(j.indicators[1]?.state).toBe('unknown');
  });

  it('lagging despite a missing figure when a known indicator is already behind: the least-complete can only be lower', () => {
    const j = judgeProject(project([count(100, 20), count(50, null)]), sept30);
    expect([j.status, j.light, j.completion]).toEqual(['lagging', 'red', null]);
    expect(j.reasons.some((r) => r.includes('未报送完成数'))).toBe(true);
  });

  it('notStarted when nothing is done yet, with a light that still measures lateness', () => {
    const early = judgeProject(project([count(100, 0)]), { ...sept30, asOf: '2021-01-20' });
    expect([early.status, early.light]).toEqual(['notStarted', 'green']);
    const late = judgeProject(project([count(100, 0), count(5, 0)]), sept30);
    expect([late.status, late.light]).toEqual(['notStarted', 'red']);
  });

  it('judges the least-complete indicator: one lagging indicator makes the project lag', () => {
    const j = judgeProject(project([count(100, 100, { name: '甲' }), count(100, 90, { name: '乙' }), count(100, 50, { name: '丙' })]), sept30);
    expect([j.status, j.light, j.completion]).toEqual(['lagging', 'yellow', 0.5]);
    expect(j.reasons[0]).toBe('「丙」完成 50%，时序进度 75%，落后 25 个百分点');
  });
});

describe('precedence', () => {
  it('completed beats a missing report: finished work need not keep reporting', () => {
    expect(judgeProject(project([count(10, 10)], { reported: false }), sept30).status).toBe('completed');
  });

  it('overdue beats a missing report', () => {
    expect(judgeProject(project([count(10, 1)], { reported: false, deadline: '2021-06-30' }), sept30).status).toBe('overdue');
  });

  it('missingReport beats manual and lagging', () => {
    expect(judgeProject(project([count(10, null)], { reported: false }), sept30).status).toBe('missingReport');
    expect(judgeProject(project([count(10, 1)], { reported: false }), sept30).status).toBe('missingReport');
  });

  it('an overdue known indicator beats an unknown one', () => {
    const j = judgeProject(project([count(10, 1, { deadline: '2021-06-30' }), count(10, null)]), sept30);
    expect(j.status).toBe('overdue');
  });
});

describe('indicator kinds and comparators', () => {
  it('rate with "达到X%以上": actual rate over target rate, met when at or above', () => {
    const j = judgeProject(project([{ kind: 'rate', comparator: '>=', target: 55, unit: '%', actual: 108.91 }]), sept30);
    expect(j.status).toBe('completed');
    expect(j.indicators[0]?.completion).toBeCloseTo(108.91 / 55, 12);
  });

  it('a cap ("<=") is met at or under it and open over it', () => {
    const cap = (actual: number) => ({ kind: 'rate' as const, comparator: '<=' as const, target: 5, unit: '%', actual });
    expect(judgeProject(project([cap(3)]), sept30).status).toBe('completed');
    expect(judgeProject(project([cap(5)]), sept30).status).toBe('completed');
    const over = judgeProject(project([cap(10)]), sept30);
    expect(over.indicators[0]).toMatchObject({ state: 'open', completion: 0.5 });
    expect(over.status).toBe('lagging');
    expect(indicatorReason(over.indicators[0]!)).toContain('超过上限 5%');
  });

  it('"=" is met only at the value, within rounding', () => {
    const eq = (actual: number) => ({ kind: 'count' as const, comparator: '=' as const, target: 0.3, actual });
    expect(judgeProject(project([eq(0.1 + 0.2)]), sept30).status).toBe('completed');
    const over = judgeProject(project([eq(0.4)]), sept30);
    expect(over.indicators[0]?.state).toBe('open');
    expect(over.status).toBe('onTrack');
  });

  it('a zero target is met by any non-negative figure', () => {
    expect(judgeProject(project([count(0, 0)]), sept30).status).toBe('completed');
  });

  it('an indicator without a target needs a person', () => {
    const j = judgeProject(project([{ kind: 'count', comparator: '>=', target: null, actual: 5 }]), sept30);
    expect(j.status).toBe('manual');
    expect(j.reasons[0]).toContain('没有目标值');
  });

  it('milestones: done by their date, or overdue after it', () => {
    const step = (deadline: string, doneOn: string | null) => ({ kind: 'milestone' as const, comparator: '=' as const, target: null, name: '确权建档', deadline, doneOn });
    expect(judgeProject(project([step('2021-03-31', '2021-03-20')]), sept30).status).toBe('completed');
    const late = judgeProject(project([step('2021-03-31', null)]), sept30);
    expect([late.status, late.light]).toEqual(['overdue', 'red']);
    expect(late.reasons[0]).toBe('「确权建档」时限 2021-03-31 已过，尚未完成');
    // Not yet due: nothing is late, whatever share of the year has passed.
    const pending = judgeProject(project([step('2021-12-31', null), count(10, 8)]), sept30);
    expect([pending.status, pending.light]).toEqual(['onTrack', 'green']);
    // Only a milestone not yet due ("年底前投入使用"): on track, its date given as the reason.
    const only = judgeProject(project([{ ...step('2021-12-31', null), name: '投入使用' }]), sept30);
    expect([only.status, only.light]).toEqual(['onTrack', 'green']);
    expect(only.reasons.join('；')).toContain('「投入使用」时限 2021-12-31，尚未到期');
  });

  it('a milestone done after the judgement date does not count yet', () => {
    const step = { kind: 'milestone' as const, comparator: '=' as const, target: null, deadline: '2021-12-31', doneOn: '2021-10-15' };
    expect(judgeProject(project([step]), sept30).indicators[0]?.state).toBe('open');
    expect(judgeProject(project([step]), { ...sept30, asOf: '2021-10-15' }).status).toBe('completed');
  });

  it('an indicator cannot be due after its project', () => {
    const j = judgeProject(project([count(10, 1, { deadline: '2021-12-31' })], { deadline: '2021-06-30' }), sept30);
    expect(j.indicators[0]?.deadline).toBe('2021-06-30');
    expect(j.status).toBe('overdue');
  });
});

describe('presets', () => {
  it('the ratio rule lights by completion as a share of the schedule', () => {
    const ctx = { ...sept30, preset: ratioPreset };
    // 74.8% elapsed: green at ≥ 59.8% done, yellow from 44.9%, red below.
    expect(judgeProject(project([count(1000, 600)]), ctx)).toMatchObject({ status: 'onTrack', light: 'green' });
    expect(judgeProject(project([count(1000, 597)]), ctx)).toMatchObject({ status: 'lagging', light: 'yellow' });
    expect(judgeProject(project([count(1000, 449)]), ctx)).toMatchObject({ status: 'lagging', light: 'yellow' });
    expect(judgeProject(project([count(1000, 448)]), ctx)).toMatchObject({ status: 'lagging', light: 'red' });
  });

  it('the same data can be yellow under one rule and green under another', () => {
    const data = project([count(100, 60)]);
    expect(judgeProject(data, sept30).light).toBe('yellow');
    expect(judgeProject(data, { ...sept30, preset: ratioPreset }).light).toBe('green');
  });

  it('every judgement records the preset name and version', () => {
    const custom = createCustomPreset(defaultPreset, 'custom', { yellowGap: 5 });
    const [j] = judgePlan([project([count(10, 5)])], { ...sept30, preset: custom });
    expect(j?.preset).toEqual({ name: 'custom', version: 1 });
    expect(j?.reasons.some((r) => r.includes('按「自定义规则（基于默认规则（银川））」第 1 版') && !r.includes('custom') && r.includes('超过 5 个百分点为黄灯'))).toBe(true);
  });

  it('refuses an invalid preset', () => {
    expect(() => judgeProject(project([]), { ...sept30, preset: { ...defaultPreset, yellowGap: 50 } })).toThrow(LedgerError);
  });
});

describe('people: marked done and overrides', () => {
  it('marked done counts as completed, with the reason first', () => {
    const j = judgeProject(project([], { markedDone: { reason: '已实现普通门诊费用全覆盖', by: '李树辉', at: '2022-07-01' } }), sept30);
    expect([j.status, j.computedStatus, j.light]).toEqual(['completed', 'completed', 'green']);
    expect(j.reasons[0]).toBe('已标记完成：已实现普通门诊费用全覆盖（李树辉，2022-07-01）');
  });

  it('an override keeps both classes and the reason, and leads the reasons', () => {
    const j = judgeProject(project([count(100, 50)], { override: { status: 'onTrack', reason: '  招标已完成，10月集中施工 ', by: '王 晓' } }), sept30);
    expect([j.status, j.light, j.computedStatus, j.computedLight]).toEqual(['onTrack', 'green', 'lagging', 'yellow']);
    expect(j.override).toEqual({ status: 'onTrack', reason: '招标已完成，10月集中施工', by: '王 晓' });
    expect(j.reasons[0]).toBe('人工调整为“持续推进”（按规则为“进展缓慢”）：招标已完成，10月集中施工（王 晓）');
    expect(j.reasons[1]).toContain('落后 25 个百分点');
  });

  it('an override of a manual project gives the light its class implies', () => {
    const lagging = judgeProject(project([], { override: { status: 'lagging', reason: '未开工' } }), sept30);
    expect([lagging.status, lagging.light, lagging.computedLight]).toEqual(['lagging', 'yellow', 'none']);
    expect(judgeProject(project([], { override: { status: 'overdue', reason: '未按期' } }), sept30).light).toBe('red');
    expect(judgeProject(project([], { override: { status: 'completed', reason: '已验收' } }), sept30).light).toBe('green');
  });

  it('refuses an override or a done mark without a reason', () => {
    expect(() => judgeProject(project([], { override: { status: 'completed', reason: '   ' } }), sept30)).toThrow(/理由/);
    expect(() => judgeProject(project([], { markedDone: { reason: '' } }), sept30)).toThrow(/理由/);
  });
});

describe('inputs and outputs', () => {
  it('rejects malformed dates with a Chinese message', () => {
    expect(() => judgeProject(project([]), { ...sept30, asOf: '2021-9-30' })).toThrow(/判定日期“2021-9-30”不是有效的日期/);
    expect(() => judgeProject(project([count(1, 1, { name: '甲', deadline: '2021-02-30' })]), sept30)).toThrow(/「甲」的时限/);
    expect(() => judgeProject(project([]), { ...sept30, planEnd: '2020-12-31' })).toThrow(/早于开始日期/);
  });

  it('keeps the order and ids of projects and indicators', () => {
    const js = judgePlan(
      [project([count(1, 1, { id: 'a' })], { id: 7 }), project([], { id: 3 })],
      sept30,
    );
    expect(js.map((j) => j.projectId)).toEqual([7, 3]);
    expect(js[0]?.indicators[0]?.id).toBe('a');
  });

  it('is deterministic and leaves its input untouched', () => {
    const input = project([count(100, 50), count(10, null)], { override: { status: 'lagging', reason: '核实' } });
    const copy = structuredClone(input);
    expect(judgeProject(input, sept30)).toEqual(judgeProject(copy, sept30));
    expect(input).toEqual(copy);
  });

  it('orders by severity: overdue first, completed last', () => {
    const js = judgePlan(
      [
        project([count(10, 10)]),
        project([count(100, 70)]),
        project([]),
        project([count(100, 60)]),
        project([count(100, 70)], { reported: false }),
        project([count(100, 10)]),
        project([count(10, 1)], { deadline: '2021-06-30' }),
      ],
      sept30,
    );
    expect(js.map(severityOf)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('words every indicator for detail views', () => {
    const j = judgeProject(project([{ name: '农村公路', kind: 'length', comparator: '>=', target: 12, unit: '公里', actual: 6 }]), sept30);
    expect(indicatorReason(j.indicators[0]!)).toBe('「农村公路」完成 6 公里，目标 12 公里（50%），时序进度 75%');
  });
});
