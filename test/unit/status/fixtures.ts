import { defaultPreset } from '../../../shared/status/presets';
import { planWindow } from '../../../shared/status/schedule';
import type { IndicatorStatusInput, ProjectStatusInput, StatusContext } from '../../../shared/status/types';

/** A 2021 plan judged on 30 September under the default rule: timeProgress = 273/365 ≈ 74.8%. */
export const sept30: StatusContext = { asOf: '2021-09-30', preset: defaultPreset, ...planWindow(2021) };

export function count(target: number, actual: number | null, extra: Partial<IndicatorStatusInput> = {}): IndicatorStatusInput {
  return { kind: 'count', comparator: '>=', target, actual, unit: '个', ...extra };
}

export function project(indicators: IndicatorStatusInput[], extra: Partial<ProjectStatusInput> = {}): ProjectStatusInput {
  return { reported: true, indicators, ...extra };
}
