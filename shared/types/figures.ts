import type { Comparator, IndicatorKind } from './kinds';

/**
 * Figures read from a row's words at import (issue #10): targets from the goal text, actuals from the
 * progress text matched to indicators, and the completion the progress states in so many words. Offsets
 * index the field's original text, so the wizard can highlight the clerk's own characters.
 */

/** Where in a row's text a figure was read. */
export interface FigureSpan {
  field: 'goal' | 'progress';
  start: number;
  end: number;
  /** The words themselves ("全年救助不少于 70 人"). */
  text: string;
}

export interface ProposedTarget {
  /** Stable within the row: "t0", "t1" … */
  key: string;
  label: string;
  kind: IndicatorKind;
  comparator: Comparator;
  /** Null for a milestone. */
  target: number | null;
  unit: string;
  approximate: boolean;
  deadline: string | null;
  span: FigureSpan;
  /** The clause it was read from, kept with the indicator ("读自工作任务：……"). */
  words: string;
}

export interface ProposedActual {
  key: string;
  /** The indicator it is an actual of: one just proposed (its key) or one the ledger has (its id). */
  indicator: { target: string } | { id: number };
  indicatorName: string;
  /** The reporting unit when the progress is split by unit; null for the project as a whole. */
  unit: string | null;
  /** In the indicator's unit. */
  value: number;
  /** The unit the figure is in: the indicator's. */
  valueUnit: string;
  /** The figure as written when it was converted (9.54 公里 for 9540 米) or summed from parts. */
  written: string;
  approximate: boolean;
  span: FigureSpan;
  /** The clause it was read from, kept with the value ("读自进展情况：……"). */
  words: string;
}

export interface StatedCompletion {
  /** Percent of the year's task stated done (43 for "完成全年任务的43%"); null when only "已完成" was said. */
  share: number | null;
  /** The words say the year's task is done (or a share of 100% or more). */
  done: boolean;
  span: FigureSpan;
}

export interface RowFigures {
  targets: ProposedTarget[];
  actuals: ProposedActual[];
  stated: StatedCompletion | null;
}

/** An indicator the ledger already has, for matching a new month's progress to it. */
export interface KnownIndicator {
  id: number;
  name: string;
  kind: IndicatorKind;
  target: number | null;
  unit: string;
}
