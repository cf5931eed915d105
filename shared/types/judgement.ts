/**
 * What the status engine says about a project (DESIGN §4), as plain data: the bottom of the type graph, so the
 * domain types, the engine and the API can all name it without importing each other.
 */
import type { Comparator, IndicatorKind } from './kinds';

/** Status classes of a project (DESIGN §2, §4). */
export const statusClasses = ['completed', 'onTrack', 'lagging', 'overdue', 'notStarted', 'missingReport', 'manual'] as const;
export type StatusClass = (typeof statusClasses)[number];

/** 红黄绿灯; 'none' where no light can be given (a person must judge). */
export const lights = ['green', 'yellow', 'red', 'none'] as const;
export type Light = (typeof lights)[number];

/** A person's note; the reason is required and kept with the judgement. */
export interface PersonNote {
  reason: string;
  by?: string;
  /** ISO date or timestamp of the decision. */
  at?: string;
}

export interface StatusOverride extends PersonNote {
  status: StatusClass;
  /** The period it was made for; it judges that period only. */
  periodId?: number;
}

/** How an indicator stands as of the judgement date. */
export type IndicatorState = 'met' | 'open' | 'unknown';

export interface IndicatorJudgement {
  id?: string | number;
  name: string;
  kind: IndicatorKind;
  comparator: Comparator;
  target: number | null;
  actual: number | null;
  unit: string;
  /** Effective due date (its own, else the project's). */
  deadline: string;
  /** 'unknown' when no actual (or no target) was given: no completion can be computed. */
  state: IndicatorState;
  /** Share of the target done; may exceed 1. Null when unknown. Milestones: 1 done, 0 not. */
  completion: number | null;
  /** Share of the schedule elapsed, from plan start to this indicator's deadline, in [0, 1]. */
  timeProgress: number;
  /**
   * Percentage points by which completion trails timeProgress (negative: ahead). Null when unknown, met,
   * or a milestone: a milestone is judged by its date, not by a share.
   */
  behindPoints: number | null;
  /** Its deadline has passed and it is not met. */
  overdue: boolean;
}

export interface Judgement {
  projectId?: string | number;
  /** The class shown: the override's when there is one, else the computed one. */
  status: StatusClass;
  light: Light;
  /** What the rules give, kept even when a person overrides it. */
  computedStatus: StatusClass;
  computedLight: Light;
  /** Least-complete quantitative indicator (null when any is unknown or none exist). May exceed 1. */
  completion: number | null;
  /** Share of the project's schedule elapsed at asOf, in [0, 1]. */
  timeProgress: number;
  /** Plain-Chinese reasons, most important first. */
  reasons: string[];
  indicators: IndicatorJudgement[];
  preset: { name: string; version: number };
  asOf: string;
  override?: StatusOverride;
}
