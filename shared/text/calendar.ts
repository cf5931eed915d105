/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') through day numbers (days since 1970-01-01, proleptic
 * Gregorian). Pure integer arithmetic: no Date object, so no time zone or DST can shift a day.
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return monthLengths[month - 1] ?? 0;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumberOfYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (inverse of dayNumberOfYmd). */
export function ymdOfDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The ISO date of the last day of a month, e.g. monthEnd(2024, 2) → '2024-02-29'. */
export function monthEnd(year: number, month: number): string {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * Day number of an ISO date, or NaN when the text is not a real 'YYYY-MM-DD' date.
 * Hand-rolled (no regex, no Date) because the status engine calls it for every indicator.
 */
export function parseIsoDay(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(iso, i);
    if (d < 0) return Number.NaN;
    year = year * 10 + d;
  }
  const m1 = digitAt(iso, 5);
  const m2 = digitAt(iso, 6);
  const d1 = digitAt(iso, 8);
  const d2 = digitAt(iso, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return Number.NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (!isValidYmd(year, month, day)) return Number.NaN;
  return dayNumberOfYmd(year, month, day);
}

export function isIsoDate(text: string): boolean {
  return !Number.isNaN(parseIsoDay(text));
}

export function isoDateOfDayNumber(dayNumber: number): string {
  const { year, month, day } = ymdOfDayNumber(dayNumber);
  return formatIsoDate(year, month, day);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Throws on a malformed date. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDay(from);
  const b = parseIsoDay(to);
  if (Number.isNaN(a) || Number.isNaN(b)) throw new RangeError(`不是有效日期：${Number.isNaN(a) ? from : to}`);
  return b - a;
}

/**
 * A date as people type it in an office — 2022-09-30, 2022年9月30日, 2022/9/30, 2022.9.30 — as YYYY-MM-DD,
 * or null. Typed text is read the same whatever the computer's language, unlike the browser's date box.
 */
export function readTypedDate(text: string): string | null {
  const m = /^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? formatIsoDate(year, month, day) : null;
}

/** 2022-09-30 → 2022年9月30日, as tables and bulletins write it. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
