import { judgeProjectIn } from './project';
import { prepareRun } from './run';
import type { Judgement, ProjectStatusInput, StatusContext } from './types';

/**
 * The status engine (DESIGN §4): pure and deterministic — the same input and context always give the same
 * judgement, with no clock, locale or random source.
 *
 * Precedence of the computed class, first match wins:
 *   1. completed     — every indicator met, or marked done by a person with a reason. Done work stays done
 *                      even if the department stops reporting.
 *   2. overdue       — some indicator known to be unmet is past its deadline (or the project's). Red.
 *   3. missingReport — no report for the current period: the office cannot see the work.
 *   4. manual        — no indicator at all, or some indicator has no reported figure (or no target) and the
 *                      known ones do not already prove it behind: a person must judge. No light.
 *   5. notStarted    — nothing done on any indicator yet; its light still measures how late that is.
 *   6. lagging       — the worst indicator trails the schedule beyond the preset's yellow line.
 *   7. onTrack.
 * Lateness is measured per open (unmet, known) quantitative indicator against its own deadline, and the
 * worst one decides; with one shared deadline this is "the least-complete indicator vs timeProgress".
 *
 * The parts: run.ts (the checked context and the pieces of reasons shared by a run), indicator.ts (one
 * indicator), project.ts (the tally and the precedence), project-reasons.ts (the reasons), lights.ts,
 * person.ts (marked done, overridden), stated.ts (completion stated in words).
 */

/** Judges one project as of ctx.asOf under ctx.preset. Throws LedgerError('INVALID_INPUT') on bad dates or notes. */
export function judgeProject(input: ProjectStatusInput, ctx: StatusContext): Judgement {
  return judgeProjectIn(input, prepareRun(ctx));
}

/** Judges every project of a plan in one pass; the context is checked once. Order is kept. */
export function judgePlan(projects: readonly ProjectStatusInput[], ctx: StatusContext): Judgement[] {
  const run = prepareRun(ctx);
  const out = new Array<Judgement>(projects.length);
  for (let i = 0; i < projects.length; i++) out[i] = judgeProjectIn(projects[i] as ProjectStatusInput, run);
  return out;
}
