import { isBehind } from './indicator';
import { indicatorReason, noteSuffix } from './reasons';
import { quotedName, scheduleText, type ReasonList, type Run } from './run';
import type { IndicatorJudgement, PersonNote, StatusClass } from './types';

/** The reasons of a project's computed class, most important first (DESIGN §4). */

export interface ProjectFacts {
  status: StatusClass;
  markedDone: PersonNote | null;
  indicators: readonly IndicatorJudgement[];
  projectDeadline: string;
  projectTimeProgress: number;
  /** Indicators, those with no figure among the quantitative ones, quantitative ones, milestones. */
  n: number;
  unknown: number;
  quantitative: number;
  milestones: number;
  /** The worst open quantitative indicator under the preset's own measure. */
  worst: IndicatorJudgement | null;
  completion: number | null;
  /** The known indicators alone put the project past the yellow line. */
  provenBehind: boolean;
}

/** What the class itself says: why it is completed, overdue, unreported, a person's to judge, or not started. */
function addHeadline(out: ReasonList, f: ProjectFacts, run: Run): void {
  switch (f.status) {
    case 'completed':
      if (f.markedDone) out.add(`已标记完成：${f.markedDone.reason.trim()}${noteSuffix(f.markedDone)}`);
      else out.add(f.n === 1 ? indicatorReason(f.indicators[0] as IndicatorJudgement, run.pieces) : `${f.n} 项指标均已完成`);
      return;
    case 'overdue': {
      let late = 0;
      for (const j of f.indicators) {
        if (!j.overdue) continue;
        out.add(indicatorReason(j, run.pieces));
        late++;
      }
      if (late === 0) out.add(`已过时限 ${f.projectDeadline}，尚未完成`);
      return;
    }
    case 'missingReport':
      out.add('本期未报送进展情况');
      return;
    case 'manual':
      if (f.n === 0) out.add('没有量化指标，需人工判定');
      else if (f.n === 1) out.add(`${indicatorReason(f.indicators[0] as IndicatorJudgement, run.pieces)}，需人工判定`);
      else out.add(`有 ${f.unknown} 项指标未报送完成数，需人工判定`);
      return;
    case 'notStarted':
      out.add('各项指标尚无进展');
      return;
    default:
      return;
  }
}

export function addProjectReasons(out: ReasonList, f: ProjectFacts, run: Run): void {
  const { status, worst } = f;
  addHeadline(out, f, run);
  const milestonesOnly = f.quantitative === 0 && f.milestones > 0 && status === 'onTrack';
  if (milestonesOnly) for (const j of f.indicators) out.add(indicatorReason(j, run.pieces));
  // The schedule: the worst indicator's, or the project's own completion when no indicator is open.
  else if (status !== 'completed' && status !== 'manual') {
    if (worst !== null && worst.completion !== null) {
      const lead = status === 'missingReport' ? '按最近一次报送：' : '';
      const prefix = f.n > 1 ? quotedName(run, worst.name) : '';
      out.add(lead + prefix + scheduleText(run, worst.completion, worst.timeProgress));
    } else if (worst === null && f.completion !== null) {
      const lead = status === 'missingReport' ? '按最近一次报送：' : '';
      out.add(lead + scheduleText(run, f.completion, f.projectTimeProgress));
    }
  }
  if (status === 'lagging' || (status === 'onTrack' && !milestonesOnly) || status === 'notStarted' || (status === 'manual' && f.provenBehind)) {
    out.add(run.ruleText);
  }
  // Details only where a person must act: the other indicators behind the yellow line, and those with no figure.
  if (f.n > 1 && (status === 'lagging' || status === 'manual' || status === 'notStarted')) {
    for (const j of f.indicators) {
      if (j === worst) continue;
      if (j.state === 'unknown' || (j.state === 'open' && j.kind !== 'milestone' && isBehind(j, run.preset))) out.add(indicatorReason(j, run.pieces));
    }
  }
}
