import { planLevels, type PlanLevel } from '../../shared/domain';

export const levelNames: Record<PlanLevel, string> = {
  province: '省',
  city: '市',
  county: '县',
  district: '区',
  township: '乡镇',
};

/** Accepts 省/市/县/区/乡镇 as well as the identifiers. */
export function parseLevel(value: string): string {
  const match = planLevels.find((level) => level === value || levelNames[level] === value);
  return match ?? value;
}
