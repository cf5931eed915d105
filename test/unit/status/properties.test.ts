import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgePlan, judgeProject } from '../../../shared/status/engine';
import { createCustomPreset, defaultPreset, ratioPreset, type RulePreset } from '../../../shared/status/presets';
import { severityOf } from '../../../shared/status/severity';
import type { IndicatorStatusInput, ProjectStatusInput, StatusContext } from '../../../shared/status/types';
import { isoDateOfDayNumber, parseIsoDay } from '../../../shared/text/calendar';

/** Invariants of the engine over generated plans (fast-check). Dates stay around the 2021 plan year. */

const planStart = '2021-01-01';
const planEnd = '2021-12-31';
const day0 = parseIsoDay(planStart);
const dayIn = (min: number, max: number) => fc.integer({ min: day0 + min, max: day0 + max }).map(isoDateOfDayNumber);
const anyDate = dayIn(-30, 420);

const presetArb: fc.Arbitrary<RulePreset> = fc.oneof(
  fc.constant<RulePreset>(defaultPreset),
  fc.constant<RulePreset>(ratioPreset),
  fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
    .map(([a, b]) => createCustomPreset(defaultPreset, 'custom', { yellowGap: Math.min(a, b), redGap: Math.max(a, b) })),
  fc
    .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
    .map(([a, b]) => createCustomPreset(ratioPreset, 'custom', { yellowBelow: Math.max(a, b) / 100, redBelow: Math.min(a, b) / 100 })),
);

const quantitative: fc.Arbitrary<IndicatorStatusInput> = fc.record({
  kind: fc.constantFrom('count', 'rate', 'amount', 'length'),
  comparator: fc.constantFrom('>=', '>=', '<='),
  target: fc.integer({ min: 1, max: 5000 }),
  actual: fc.option(fc.integer({ min: 0, max: 7000 }), { nil: null, freq: 6 }),
  deadline: fc.option(dayIn(30, 364), { nil: null, freq: 3 }),
});

const milestone = (doneBy: string): fc.Arbitrary<IndicatorStatusInput> =>
  fc.record({
    kind: fc.constant('milestone' as const),
    comparator: fc.constant('=' as const),
    target: fc.constant(null),
    deadline: dayIn(30, 364),
    // Done on a day no later than `doneBy`, or not done: facts known at the earliest judgement date.
    doneOn: fc.option(fc.integer({ min: day0 - 60, max: parseIsoDay(doneBy) }).map(isoDateOfDayNumber), { nil: null }),
  });

const projectArb = (doneBy: string): fc.Arbitrary<ProjectStatusInput> =>
  fc.record({
    reported: fc.boolean(),
    deadline: fc.option(dayIn(60, 364), { nil: null, freq: 3 }),
    indicators: fc.array(fc.oneof({ arbitrary: quantitative, weight: 4 }, { arbitrary: milestone(doneBy), weight: 1 }), { maxLength: 5 }),
  });

/** A plan, a judgement date, and a preset. */
const scenario = anyDate.chain((asOf) =>
  fc.record({ asOf: fc.constant(asOf), preset: presetArb, project: projectArb(asOf), others: fc.array(projectArb(asOf), { maxLength: 4 }) }),
);

const ctxOf = (asOf: string, preset: RulePreset): StatusContext => ({ asOf, preset, planStart, planEnd });

/** "More progress" for an indicator: a larger actual for a minimum, a smaller one for a cap, or a milestone done. */
function withMoreProgress(p: ProjectStatusInput, index: number, amount: number, asOf: string): ProjectStatusInput {
  const indicators = p.indicators.map((ind, i) => {
    if (i !== index) return ind;
    if (ind.kind === 'milestone') return { ...ind, doneOn: ind.doneOn ?? asOf };
    if (ind.actual == null) return ind;
    return { ...ind, actual: ind.comparator === '<=' ? Math.max(0, ind.actual - amount) : ind.actual + amount };
  });
  return { ...p, indicators };
}

describe('status engine invariants', () => {
  it('timeProgress is within [0, 1] for the project and every indicator', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, preset, project }) => {
        const j = judgeProject(project, ctxOf(asOf, preset));
        expect(j.timeProgress).toBeGreaterThanOrEqual(0);
        expect(j.timeProgress).toBeLessThanOrEqual(1);
        for (const i of j.indicators) {
          expect(i.timeProgress).toBeGreaterThanOrEqual(0);
          expect(i.timeProgress).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('is deterministic: equal inputs give equal judgements, one by one or as a plan', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, preset, project, others }) => {
        const ctx = ctxOf(asOf, preset);
        const plan = [project, ...others];
        const once = judgePlan(plan, ctx);
        expect(judgePlan(structuredClone(plan), ctx)).toEqual(once);
        expect(plan.map((p) => judgeProject(p, ctx))).toEqual(once);
      }),
    );
  });

  it('completed (without a done mark) means every indicator is met, and every indicator met means completed', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, preset, project }) => {
        const j = judgeProject(project, ctxOf(asOf, preset));
        const allMet = j.indicators.length > 0 && j.indicators.every((i) => i.state === 'met');
        expect(j.status === 'completed').toBe(allMet);
      }),
    );
  });

  it('more progress never worsens the judgement', () => {
    fc.assert(
      fc.property(scenario, fc.nat(10), fc.integer({ min: 1, max: 5000 }), ({ asOf, preset, project }, pick, amount) => {
        fc.pre(project.indicators.length > 0);
        const ctx = ctxOf(asOf, preset);
        const index = pick % project.indicators.length;
        const before = judgeProject(project, ctx);
        const after = judgeProject(withMoreProgress(project, index, amount, asOf), ctx);
        expect(severityOf(after)).toBeLessThanOrEqual(severityOf(before));
        if (before.status === 'completed') expect(after.status).toBe('completed');
      }),
    );
  });

  it('the same data at a later date is never judged less late', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 400 }), ({ asOf, preset, project }, step) => {
        const later = isoDateOfDayNumber(parseIsoDay(asOf) + step);
        const now = judgeProject(project, ctxOf(asOf, preset));
        const then = judgeProject(project, ctxOf(later, preset));
        expect(severityOf(then)).toBeGreaterThanOrEqual(severityOf(now));
        if (now.status === 'overdue') expect(then.status).toBe('overdue');
        expect(then.timeProgress).toBeGreaterThanOrEqual(now.timeProgress);
      }),
    );
  });

  it('the light follows the class: green when completed, red when overdue, none exactly when manual', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, preset, project }) => {
        const j = judgeProject(project, ctxOf(asOf, preset));
        if (j.status === 'completed') expect(j.light).toBe('green');
        if (j.status === 'overdue') expect(j.light).toBe('red');
        if (j.status === 'onTrack') expect(j.light).toBe('green');
        if (j.status === 'lagging') expect(['yellow', 'red']).toContain(j.light);
        if (j.status === 'missingReport') expect(j.light).toBe(preset.missingReportLight);
        expect(j.light === 'none').toBe(j.status === 'manual');
      }),
    );
  });

  it('lagging is justified by an indicator past the yellow line', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, preset, project }) => {
        const j = judgeProject(project, ctxOf(asOf, preset));
        if (j.status !== 'lagging') return;
        const behind = j.indicators.some((i) => {
          if (i.state !== 'open' || i.kind === 'milestone' || i.completion === null) return false;
          return preset.kind === 'gap'
            ? (i.behindPoints ?? 0) > preset.yellowGap
            : i.completion / i.timeProgress < preset.yellowBelow;
        });
        expect(behind).toBe(true);
      }),
    );
  });

  it('project completion is the least-complete quantitative indicator, or null when one is unknown', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, preset, project }) => {
        const j = judgeProject(project, ctxOf(asOf, preset));
        const quantities = j.indicators.filter((i) => i.kind !== 'milestone');
        if (quantities.length === 0) return;
        const completions = quantities.map((i) => i.completion);
        const expected = completions.includes(null) ? null : Math.min(...(completions as number[]));
        expect(j.completion).toBe(expected);
      }),
    );
  });

  it('an override changes only the shown class and light, and keeps what the rules computed', () => {
    const overrideArb = fc.record({
      status: fc.constantFrom('completed', 'onTrack', 'lagging', 'overdue', 'notStarted', 'missingReport', 'manual'),
      reason: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    });
    fc.assert(
      fc.property(scenario, overrideArb, ({ asOf, preset, project }, override) => {
        const ctx = ctxOf(asOf, preset);
        const plain = judgeProject(project, ctx);
        const overridden = judgeProject({ ...project, override }, ctx);
        expect(overridden.status).toBe(override.status);
        expect(overridden.computedStatus).toBe(plain.status);
        expect(overridden.computedLight).toBe(plain.light);
        expect(overridden.override?.reason).toBe(override.reason.trim());
        expect(overridden.reasons.slice(1)).toEqual(plain.reasons);
        expect(overridden.reasons[0]).toContain(override.reason.trim());
      }),
    );
  });
});
