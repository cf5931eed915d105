import { lightOfOverride } from './lights';
import type { RulePreset } from './presets';
import { overrideSentence } from './reasons';
import { invalid } from './run';
import type { Judgement, Light, PersonNote, StatusClass, StatusOverride } from './types';

/** What people add to a judgement: a project marked done, and a class overridden — each with its reason. */

export function requireReason(note: PersonNote, what: string): void {
  if (typeof note.reason !== 'string' || note.reason.trim() === '') throw invalid(`${what}必须填写理由`);
}

/** The override as kept in the judgement: its reason trimmed, who and when if given. */
export function keptOverride(override: StatusOverride): StatusOverride {
  requireReason(override, '人工调整状态');
  const kept: StatusOverride = { status: override.status, reason: override.reason.trim() };
  if (override.by !== undefined) kept.by = override.by;
  if (override.at !== undefined) kept.at = override.at;
  return kept;
}

/** Lays a person's class over the computed one, both kept: the shown status and light become the person's. */
export function layOverride(judgement: Judgement, kept: StatusOverride, lateness: Light, preset: RulePreset): void {
  judgement.override = kept;
  judgement.status = kept.status;
  judgement.light = lightOfOverride(kept.status, lateness, preset);
}

/** The override's reason, shown first. */
export function overrideReason(kept: StatusOverride, computed: StatusClass): string {
  return overrideSentence(kept.status, computed, kept);
}
