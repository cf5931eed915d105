/** What the status engine takes in: plain data, no ids from the database required. */
import type { Comparator, IndicatorKind } from '../types/kinds';
import type { PersonNote, StatusOverride } from '../types/judgement';
import type { RulePreset } from './presets';

// The engine's results are bottom-level types (shared/types/judgement.ts); they are named here too.
export { lights, statusClasses } from '../types/judgement';
export type { IndicatorJudgement, IndicatorState, Judgement, Light, PersonNote, StatusClass, StatusOverride } from '../types/judgement';

/** One indicator as the engine needs it: plain data, no ids from the database required. */
export interface IndicatorStatusInput {
  id?: string | number;
  name?: string;
  kind: IndicatorKind;
  comparator: Comparator;
  /** Target value in `unit`; null when the goal gives no number. Ignored for milestones. */
  target: number | null;
  unit?: string;
  /** ISO date the indicator is due; defaults to the project's deadline. A milestone's date. */
  deadline?: string | null;
  /** Latest reported value as of the judgement date; null or absent when none was reported. */
  actual?: number | null;
  /** Milestones: ISO date it was done; null or absent when not done. */
  doneOn?: string | null;
}

export interface ProjectStatusInput {
  id?: string | number;
  title?: string;
  /** ISO deadline; defaults to the plan's end. */
  deadline?: string | null;
  indicators: readonly IndicatorStatusInput[];
  /** Whether a progress report exists for the current period. */
  reported: boolean;
  /** Marked done by a person ("已实现全覆盖" with no number to check): counts as completed, with its reason. */
  markedDone?: PersonNote | null;
  /** A person's decision that replaces the computed class; both are kept. */
  override?: StatusOverride | null;
  /**
   * Completion the period's progress states in words, read at import and accepted by a person: judges the
   * project when it has no quantitative indicator with a figure.
   */
  stated?: StatedInput | null;
}

export interface StatedInput {
  /** Percent stated done ("完成全年任务的43%" → 43); null when only "已完成全年目标任务" was said. */
  share: number | null;
  done: boolean;
  /** The words, quoted in the reason. */
  words: string;
}

export interface StatusContext {
  /** Judgement date (ISO), e.g. '2021-09-30' for "截至9月底". */
  asOf: string;
  preset: RulePreset;
  /** Plan start (ISO); 1 January of the plan year by default — see planWindow(). */
  planStart: string;
  /** Plan end (ISO); 31 December by default. */
  planEnd: string;
}
