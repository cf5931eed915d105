import type { Comparator, IndicatorKind } from '../../../shared/domain';
import type { IndicatorStatusInput, ProjectStatusInput, StatusClass } from '../../../shared/status/types';
import { statusClasses } from '../../../shared/status/types';
import { isoDateOfDayNumber, parseIsoDay } from '../../../shared/text/calendar';
import { seededRandom } from '../../helpers/seeded-random';

/**
 * A seeded plan that reaches every branch of the engine: every kind and comparator, missing, zero, negative and
 * non-finite figures, names absent or blank, own deadlines before and after the project's, milestones done before
 * and after the judgement date, stated completion, marks and overrides with and without who and when.
 * The same seed gives the same plan on every machine (no Math.random, no clock).
 */


const kinds: readonly IndicatorKind[] = ['count', 'rate', 'amount', 'length', 'milestone'];
const comparators: readonly Comparator[] = ['>=', '>=', '<=', '='];
const units: readonly (string | undefined)[] = [undefined, '', '%', '万元', '公里', '人'];
const names: readonly (string | undefined)[] = [undefined, '', '  ', '农村公路提档升级', '新建幼儿园', 'A'];
const day0 = parseIsoDay('2021-01-01');

export function generatedPlan(projects: number, seed: number): ProjectStatusInput[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  /** A day around the 2021 plan year, a little before and after it too. */
  const date = () => isoDateOfDayNumber(day0 - 40 + Math.floor(random() * 450));
  const figure = (): number | null | undefined => {
    const r = random();
    if (r < 0.08) return null;
    if (r < 0.1) return undefined;
    if (r < 0.13) return 0;
    if (r < 0.14) return Number.NaN;
    if (r < 0.15) return -5;
    if (r < 0.16) return Number.POSITIVE_INFINITY;
    return chance(0.5) ? Math.floor(random() * 6000) : Math.round(random() * 120 * 1000) / 1000;
  };
  const note = (reason: string) => {
    const n: { reason: string; by?: string; at?: string } = { reason: chance(0.3) ? `  ${reason}  ` : reason };
    if (chance(0.4)) n.by = chance(0.2) ? ' ' : '张三';
    if (chance(0.4)) n.at = '2021-09-28';
    return n;
  };

  const indicator = (i: number): IndicatorStatusInput => {
    const kind = pick(kinds);
    const out: IndicatorStatusInput = { kind, comparator: kind === 'milestone' ? '=' : pick(comparators), target: null };
    if (chance(0.5)) out.id = chance(0.5) ? i + 1 : `ind-${i}`;
    const name = pick(names);
    if (name !== undefined) out.name = name;
    if (kind === 'milestone') {
      out.deadline = date();
      if (chance(0.8)) out.doneOn = chance(0.2) ? null : date();
      return out;
    }
    const target = figure();
    out.target = target === undefined ? null : target;
    const unit = pick(units);
    if (unit !== undefined) out.unit = unit;
    if (chance(0.4)) out.deadline = chance(0.2) ? null : date();
    const actual = chance(0.4) && target != null ? target * random() * 1.3 : figure();
    if (actual !== undefined) out.actual = actual;
    return out;
  };

  const plan: ProjectStatusInput[] = [];
  for (let p = 0; p < projects; p++) {
    const count = chance(0.05) ? 0 : 1 + Math.floor(random() * 9);
    const indicators: IndicatorStatusInput[] = [];
    for (let i = 0; i < count; i++) indicators.push(indicator(i));
    const project: ProjectStatusInput = { reported: chance(0.9), indicators };
    if (chance(0.8)) project.id = chance(0.5) ? p + 1 : `p${p}`;
    if (chance(0.7)) project.title = `实事${p + 1}`;
    if (chance(0.3)) project.deadline = chance(0.2) ? null : date();
    if (chance(0.05)) project.markedDone = note('已实现全覆盖');
    if (chance(0.08)) {
      const status: StatusClass = pick(statusClasses);
      project.override = { status, ...note('经督查核实') };
      if (chance(0.3)) project.override.periodId = 7;
    }
    if (chance(0.15)) {
      const words = chance(0.3) ? `完成全年任务的43%，  正在进行项目招标${'，'.repeat(Math.floor(random() * 40))}` : '已完成全年目标任务';
      project.stated = { share: chance(0.2) ? null : Math.floor(random() * 130), done: chance(0.2), words };
    }
    plan.push(project);
  }
  return plan;
}

/**
 * Every field of a value as text, in key order, with undefined, NaN, -0 and absent keys told apart: two
 * judgements give the same text only when no consumer can tell them apart.
 */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}
