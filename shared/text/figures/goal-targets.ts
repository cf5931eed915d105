import { givesNothingIn, plainFirstSentence, sentenceCuts } from './cuts';
import { moved, nothing, readingsOf, targetKey, type ReadTargets } from './targets';
import type { ProposedTarget } from './types';

/**
 * A goal's targets put together from what its sentences give (targets.ts): each sentence is read once
 * whatever goal it is in, and goals that give the same targets at the same places share one frozen list.
 */

/** The targets a goal text states, in order; milestones only when no number is left. */
export function readTargets(goal: string, year: number): ProposedTarget[] {
  return goalTargets(goal, year).targets;
}

export interface GoalTargets {
  targets: ProposedTarget[];
  /**
   * The same object for goals whose targets are the same but for their places ("第12项：…" and "第13项：…"
   * before the same sentences), so what is paired with them can be remembered by it; null with no target.
   */
  key: object | null;
}

/**
 * readTargets with the key of its readings. Goals differ from row to row by a number or a name in one
 * sentence ("第12项：…"): each sentence is read once, and a goal that cannot be cut is read once whole.
 * The targets are the caller's own (copies).
 */
export function goalTargets(goal: string, year: number): GoalTargets {
  const found = placedOf(goal, year);
  if (found === null) return { targets: [], key: null };
  const { placed, at } = found;
  // map, not push: the row keeps the array, and one pushed to grows room for 17.
  const targets = placed.map((p, n) => moved(p.target, at === null ? 0 : at[p.sentence]!, targetKey(n)));
  return { targets, key: found.chosen };
}

export interface SharedGoalTargets {
  readonly targets: readonly ProposedTarget[];
  readonly key: object | null;
}

const noTargets: SharedGoalTargets = Object.freeze({ targets: Object.freeze([]), key: null });

/**
 * goalTargets, frozen and shared by every goal that gives the same targets at the same places ("第12项：…"
 * and "第13项：…" before the same sentences): a table of 20,000 rows makes each distinct list once, not a
 * copy per row. The same list is the same object, so what is made of it can be remembered by it.
 */
export function sharedGoalTargets(goal: string, year: number): SharedGoalTargets {
  // "第12项：开展…。" before sentences met before: one lookup of the rest, not a cut and a lookup per sentence.
  // Every row comes here: nothing but the lookup is called, as each function on this path is compiled
  // again (with all it calls) when it gets hot.
  const cut = goal.length <= 2000 ? plainFirstSentence(goal) : -1;
  if (cut > 0 && cut < goal.length) {
    if (year !== lastYear) restsFor(year);
    const rest = lastRests.get(goal.slice(cut));
    if (rest === undefined) return newRest(goal, cut, year);
    if (rest !== null) return rest.placed.length === 0 ? noTargets : rest.lastCut === cut ? rest.lastMade : restTargets(rest, cut);
  }
  return wholeGoalTargets(goal, year);
}

/** sharedGoalTargets of a goal with no rest to look up (not cut after a plain first sentence). */
function wholeGoalTargets(goal: string, year: number): SharedGoalTargets {
  const found = placedOf(goal, year);
  if (found === null) return noTargets;
  const { chosen, placed, at } = found;
  const last = chosen.shared;
  if (last !== undefined && sameOffsets(last.offsets, placed, at)) return last.made;
  const offsets = placed.map((p) => (at === null ? 0 : at[p.sentence]!));
  const targets = Object.freeze(placed.map((p, n) => frozenTarget(moved(p.target, offsets[n]!, targetKey(n)))));
  // The last list only: rows of one table seldom change the width of their ordinal, and that is all that moves.
  chosen.shared = { offsets, made: Object.freeze({ targets, key: chosen }) };
  return chosen.shared.made;
}

/** sharedGoalTargets of a goal whose rest after its plain first sentence `goal[0, cut)` is not known yet. */
function newRest(goal: string, cut: number, year: number): SharedGoalTargets {
  const rest = restOf(goal, cut, year);
  if (rest === null) return wholeGoalTargets(goal, year);
  return rest.placed.length === 0 ? noTargets : rest.lastCut === cut ? rest.lastMade : restTargets(rest, cut);
}

function sameOffsets(offsets: readonly number[], placed: readonly Placed[], at: readonly number[] | null): boolean {
  for (let n = 0; n < placed.length; n++) if (offsets[n] !== (at === null ? 0 : at[placed[n]!.sentence]!)) return false;
  return true;
}

function frozenTarget(t: ProposedTarget): ProposedTarget {
  Object.freeze(t.span);
  return Object.freeze(t);
}

/**
 * What a goal's sentences give, with where each sentence starts (null: read whole); null with no target.
 * `at` is sentenceCuts' array, reused by the next call.
 */
function placedOf(goal: string, year: number): { chosen: Chosen; placed: readonly Placed[]; at: readonly number[] | null } | null {
  if (goal.trim() === '') return null;
  const read = readingsOf(year);
  const at = sentenceCuts(goal);
  const chosen = at === null ? after(start, read(goal), 0) : chosenOf(goal, at, read);
  const placed = placedIn(chosen);
  return placed.length === 0 ? null : { chosen, placed, at };
}

function placedIn(chosen: Chosen): readonly Placed[] {
  return chosen.quantities.length > 0 ? chosen.quantities : chosen.milestones;
}

/** What the goal's sentences, cut at `at`, give together. */
function chosenOf(goal: string, at: readonly number[], read: (text: string) => ReadTargets): Chosen {
  let chosen = start;
  for (let i = 0; i + 1 < at.length; i++) {
    // A sentence known to give nothing ("第12项：开展…。", new in every row) is neither cut out nor looked up.
    const given = givesNothingIn(goal, at[i]!, at[i + 1]!) ? nothing : read(goal.slice(at[i], at[i + 1]));
    chosen = after(chosen, given, i);
  }
  return chosen;
}

/**
 * What a goal gives after a first sentence that gives nothing (plainFirstSentence), the same for every
 * first sentence: the targets, where each one's sentence starts from the rest's start, and the frozen
 * targets last made of it with the first sentence's length they were made for.
 */
interface Rest {
  chosen: Chosen;
  placed: readonly Placed[];
  from: readonly number[];
  lastCut: number;
  lastMade: SharedGoalTargets;
}

const restsByYear = new Map<number, Map<string, Rest | null>>();
// The year's rests last looked up (sharedGoalTargets): a table's rows are all read in one year.
let lastYear = Number.NaN;
let lastRests = new Map<string, Rest | null>();

function restsFor(year: number): Map<string, Rest | null> {
  let rests = restsByYear.get(year);
  if (rests === undefined) restsByYear.set(year, (rests = new Map()));
  lastYear = year;
  lastRests = rests;
  return rests;
}

/** The rest of a goal after its plain first sentence `goal[0, cut)`; null when the goal is not cut into sentences. */
function restOf(goal: string, cut: number, year: number): Rest | null {
  const rests = restsFor(year);
  const text = goal.slice(cut);
  let rest = rests.get(text);
  if (rest === undefined) {
    rest = readRest(goal, cut, year);
    if (rests.size >= 4096) rests.clear();
    rests.set(text, rest);
  }
  return rest;
}

function readRest(goal: string, cut: number, year: number): Rest | null {
  // Cut whole: the first sentence, plain, is cut at its 。 and changes nothing after it.
  const at = sentenceCuts(goal);
  if (at === null) return null;
  const chosen = chosenOf(goal, at, readingsOf(year));
  const placed = placedIn(chosen);
  return { chosen, placed, from: placed.map((p) => at[p.sentence]! - cut), lastCut: -1, lastMade: noTargets };
}

/** The rest's targets made anew for a first sentence of another length (apart, as seldom met). */
function restTargets(rest: Rest, cut: number): SharedGoalTargets {
  const targets = Object.freeze(rest.placed.map((p, n) => frozenTarget(moved(p.target, cut + rest.from[n]!, targetKey(n)))));
  rest.lastMade = Object.freeze({ targets, key: rest.chosen });
  rest.lastCut = cut;
  return rest.lastMade;
}

/** A target remembered with the sentence it is in. */
interface Placed {
  target: ProposedTarget;
  sentence: number;
}

/**
 * What a goal's sentences read so far give: reached from the one before by each sentence's reading, so
 * that the same readings in the same order reach the same object. The readings are the keys, weakly: when
 * a memo forgets one, what was reached through it goes too.
 */
interface Chosen {
  quantities: readonly Placed[];
  milestones: readonly Placed[];
  next: WeakMap<ReadTargets, Chosen>;
  /** The frozen targets last made of it, and the places they were made at (sharedGoalTargets). */
  shared?: { offsets: readonly number[]; made: SharedGoalTargets };
}

const start: Chosen = { quantities: [], milestones: [], next: new WeakMap() };

function after(chosen: Chosen, reading: ReadTargets, sentence: number): Chosen {
  let next = chosen.next.get(reading);
  if (next === undefined) {
    const placed = (targets: readonly ProposedTarget[], before: readonly Placed[]) => (targets.length === 0 ? before : [...before, ...targets.map((target) => ({ target, sentence }))]);
    next = { quantities: placed(reading.quantities, chosen.quantities), milestones: placed(reading.milestones, chosen.milestones), next: new WeakMap() };
    chosen.next.set(reading, next);
  }
  return next;
}

