import { formatIsoDate, parseIsoDay } from '../text/calendar';

/**
 * 时序进度: the share of the schedule elapsed. Days are counted inclusively — on 30 September of a plan
 * running 1 January to 31 December, 273 of 365 days have been worked, so timeProgress = 273/365 — and the
 * result is clamped to [0, 1].
 */
export function timeProgressOfDays(startDay: number, endDay: number, asOfDay: number): number {
  const total = endDay - startDay + 1;
  if (total <= 0) return asOfDay >= endDay ? 1 : 0; // a deadline before the start: due at once
  const elapsed = asOfDay - startDay + 1;
  if (elapsed <= 0) return 0;
  if (elapsed >= total) return 1;
  return elapsed / total;
}

/** timeProgress for ISO dates; throws RangeError on a malformed date. */
export function timeProgress(planStart: string, deadline: string, asOf: string): number {
  return timeProgressOfDays(isoDay(planStart), isoDay(deadline), isoDay(asOf));
}

/** Day number of an ISO date, or a RangeError naming it in Chinese. */
export function isoDay(iso: string, what = '日期'): number {
  const day = parseIsoDay(iso);
  if (Number.isNaN(day)) throw new RangeError(`${what}“${iso}”不是有效的日期（应为 YYYY-MM-DD）`);
  return day;
}

/** The default schedule of a plan year: 1 January to 31 December. */
export function planWindow(year: number): { planStart: string; planEnd: string } {
  return { planStart: formatIsoDate(year, 1, 1), planEnd: formatIsoDate(year, 12, 31) };
}
