import { z } from 'zod';
import type { Light } from '../types/judgement';

/**
 * Light rules are data, named and versioned, so that every judgement can say which rule produced it and an
 * office can keep its own rule next to the built-in ones.
 */

interface PresetBase {
  /** Stable identifier ('default', 'ratio', or the office's own). */
  name: string;
  /** Bumped on every change to the thresholds. */
  version: number;
  /** Chinese name shown to people. */
  label: string;
  /** Light for a project that did not report this period (and is neither completed nor overdue). */
  missingReportLight: Light;
}

/** Lights by how many percentage points completion trails the schedule (银川 rule). */
export interface GapPreset extends PresetBase {
  kind: 'gap';
  /** Yellow when behind by more than this many points. */
  yellowGap: number;
  /** Red when behind by more than this many points. */
  redGap: number;
}

/** Lights by completion as a share of the schedule (武汉 rule). */
export interface RatioPreset extends PresetBase {
  kind: 'ratio';
  /** Yellow when completion / timeProgress falls below this. */
  yellowBelow: number;
  /** Red when completion / timeProgress falls below this. */
  redBelow: number;
}

export type RulePreset = GapPreset | RatioPreset;
export type PresetKind = RulePreset['kind'];

/** Green on schedule; yellow 10–30 points behind; red more than 30 behind or overdue (银川发改委). */
export const defaultPreset: GapPreset = Object.freeze({
  name: 'default',
  version: 1,
  label: '默认规则（银川）',
  kind: 'gap',
  yellowGap: 10,
  redGap: 30,
  missingReportLight: 'yellow',
});

/** Red below 60% of the schedule, yellow below 80% (武汉). */
export const ratioPreset: RatioPreset = Object.freeze({
  name: 'ratio',
  version: 1,
  label: '比例规则（武汉）',
  kind: 'ratio',
  yellowBelow: 0.8,
  redBelow: 0.6,
  missingReportLight: 'yellow',
});

export const builtinPresets: readonly RulePreset[] = Object.freeze([defaultPreset, ratioPreset]);
const builtinNames = new Set(builtinPresets.map((p) => p.name));

const base = {
  name: z.string().trim().min(1, '规则名称不能为空').max(40, '规则名称过长'),
  version: z.number().int('版本号应为整数').min(1, '版本号应从 1 开始'),
  label: z.string().trim().min(1, '规则显示名称不能为空').max(60, '规则显示名称过长'),
  missingReportLight: z.enum(['green', 'yellow', 'red', 'none'], { message: '未报送的灯色应为绿、黄、红或无' }),
};

const gapSchema = z
  .object({
    ...base,
    kind: z.literal('gap'),
    yellowGap: z.number().min(0, '黄灯线不能小于 0').max(100, '黄灯线不能超过 100 个百分点'),
    redGap: z.number().min(0, '红灯线不能小于 0').max(100, '红灯线不能超过 100 个百分点'),
  })
  .refine((p) => p.yellowGap <= p.redGap, { message: '黄灯线（落后百分点）不能大于红灯线', path: ['yellowGap'] });

const ratioSchema = z
  .object({
    ...base,
    kind: z.literal('ratio'),
    yellowBelow: z.number().gt(0, '黄灯比例应大于 0').max(1, '黄灯比例不能超过 1'),
    redBelow: z.number().gt(0, '红灯比例应大于 0').max(1, '红灯比例不能超过 1'),
  })
  .refine((p) => p.redBelow <= p.yellowBelow, { message: '红灯比例不能高于黄灯比例', path: ['redBelow'] });

/** Schema of a preset, for the API contract and for presets read back from the database. */
export const rulePresetSchema = z.discriminatedUnion('kind', [gapSchema, ratioSchema], {
  message: '规则类型应为“落后百分点”(gap) 或“占时序进度比例”(ratio)',
});

export type PresetValidation = { ok: true; preset: RulePreset } | { ok: false; problems: string[] };

/** Checks a preset; problems are plain Chinese sentences. */
export function validatePreset(value: unknown): PresetValidation {
  const result = rulePresetSchema.safeParse(value);
  if (result.success) return { ok: true, preset: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issue.message) };
}

export type PresetThresholds = Partial<Pick<GapPreset, 'yellowGap' | 'redGap'> & Pick<RatioPreset, 'yellowBelow' | 'redBelow'>>;

export interface CustomPresetChanges extends PresetThresholds {
  label?: string;
  missingReportLight?: Light;
}

function assertValid(candidate: unknown): RulePreset {
  const checked = validatePreset(candidate);
  if (!checked.ok) throw new RangeError(`规则设置有误：${checked.problems.join('；')}`);
  return checked.preset;
}

function applyChanges(from: RulePreset, changes: CustomPresetChanges): RulePreset {
  const label = changes.label ?? from.label;
  const missingReportLight = changes.missingReportLight ?? from.missingReportLight;
  return from.kind === 'gap'
    ? { ...from, label, missingReportLight, yellowGap: changes.yellowGap ?? from.yellowGap, redGap: changes.redGap ?? from.redGap }
    : { ...from, label, missingReportLight, yellowBelow: changes.yellowBelow ?? from.yellowBelow, redBelow: changes.redBelow ?? from.redBelow };
}

/**
 * An office's own rule, starting from a built-in one (its kind and thresholds), at version 1.
 * Throws RangeError with a Chinese message when the result is invalid or the name is a built-in's.
 */
export function createCustomPreset(from: RulePreset, name = 'custom', changes: CustomPresetChanges = {}): RulePreset {
  if (builtinNames.has(name.trim())) throw new RangeError(`“${name}”是内置规则的名称，请另取一个名称`);
  const label = changes.label ?? `自定义规则（基于${from.label}）`;
  return assertValid(applyChanges({ ...from, name: name.trim(), version: 1 }, { ...changes, label }));
}

/** The next version of an office's rule. Built-in rules are fixed: copy one with createCustomPreset. */
export function reviseCustomPreset(preset: RulePreset, changes: CustomPresetChanges): RulePreset {
  if (builtinNames.has(preset.name)) throw new RangeError(`内置规则“${preset.label}”不能修改，请先复制为自定义规则`);
  return assertValid(applyChanges({ ...preset, version: preset.version + 1 }, changes));
}

/** Finds a preset by name (and version, when given) among the built-ins and the office's own. */
export function findPreset(name: string, version: number | undefined, custom: readonly RulePreset[] = []): RulePreset | undefined {
  const all = [...builtinPresets, ...custom].filter((p) => p.name === name && (version === undefined || p.version === version));
  return all.toSorted((a, b) => b.version - a.version)[0];
}
