import { formatIsoDate, isValidYmd, monthEnd } from './calendar';
import { parseChineseInteger } from './numerals';
import { foldWidth } from './width';

/**
 * Dates as reports write them: "截至9月底", "截止 9 月底", "截至5月26日", "2021年3月底之前", "年底前",
 * "12月31日前", "1-9月份", "前三季度". The plan year fills in a missing year.
 */

/** What a date is for in its sentence. */
export type DateRole = 'asOf' | 'deadline' | 'plain';

export interface DateMention {
  /** ISO date; a month without a day ("9月底", "9月份") means its last day. */
  date: string;
  role: DateRole;
  /** Whether the text named the day, or only a month, or the year end. */
  precision: 'day' | 'month' | 'year';
  text: string;
  start: number;
  end: number;
}

export interface PeriodMention {
  start: string;
  end: string;
  text: string;
  /** Offsets of the phrase in the text. */
  from: number;
  to: number;
}

const num = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,4})';

function numberOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  return /^\d+$/.test(text) ? Number(text) : parseChineseInteger(text);
}

// [YYYY 年] M 月 [底|末|份|上旬|中旬|下旬|D 日/号]   or   [YYYY 年] 年底/年末
const datePattern = new RegExp(
  `(?:${num}\\s*年\\s*)?(?:(?:${num}\\s*月\\s*(底|末|份|上旬|中旬|下旬|${num}\\s*[日号])?)|(年底|年末))`,
  'g',
);
const asOfBefore = /(截至|截止|截止到|截至到)\s*$/;
const deadlineAfter = /^\s*(之前|以前|前)/;
const currentAsOf = /(截至|截止)(到)?\s*(目前|现在|当前)/g;

/** All dates in a text, in order. `year` is used when the text names none. */
export function findDates(input: string, year: number): DateMention[] {
  // Every date names a month (月) or the year end (年底, 年末): most cells name none, and the pattern is slow.
  if (!input.includes('月') && !input.includes('年底') && !input.includes('年末')) return [];
  const text = foldWidth(input);
  const found: DateMention[] = [];
  datePattern.lastIndex = 0;
  for (let m = datePattern.exec(text); m !== null; m = datePattern.exec(text)) {
    const [whole, yearText, monthText, tail, dayText, yearEnd] = m;
    const start = m.index;
    const end = start + whole.length;
    // "2022 年省民生实事" has a year but no month: the pattern still needs a month or 年底.
    if (monthText === undefined && yearEnd === undefined) continue;
    // A period "1-9月份" is not a date of month 9 alone; findPeriods reads it.
    if (monthText !== undefined && /(\d|[一二三四五六七八九十])\s*[-—–~至到]\s*$/.test(text.slice(Math.max(0, start - 4), start)) && yearText === undefined) {
      continue;
    }
    const y = yearText === undefined ? year : numberOf(yearText);
    if (y === null || y < 1000) continue;
    let date: string;
    let precision: DateMention['precision'] = 'month';
    if (yearEnd !== undefined) {
      date = formatIsoDate(y, 12, 31);
      precision = 'year';
    } else {
      const month = numberOf(monthText);
      if (month === null || month < 1 || month > 12) continue;
      if (dayText !== undefined) {
        const day = numberOf(dayText);
        if (day === null || !isValidYmd(y, month, day)) continue;
        date = formatIsoDate(y, month, day);
        precision = 'day';
      } else if (tail === '上旬') {
        date = formatIsoDate(y, month, 10);
      } else if (tail === '中旬') {
        date = formatIsoDate(y, month, 20);
      } else {
        date = monthEnd(y, month);
      }
    }
    const role: DateRole = asOfBefore.test(text.slice(Math.max(0, start - 6), start))
      ? 'asOf'
      : deadlineAfter.test(text.slice(end, end + 4)) || /底前|末前/.test(text.slice(end - 1, end + 1))
        ? 'deadline'
        : 'plain';
    const asOfMatch = role === 'asOf' ? asOfBefore.exec(text.slice(Math.max(0, start - 6), start)) : null;
    const mentionStart = asOfMatch ? start - asOfMatch[0].length : start;
    found.push({ date, role, precision, text: input.slice(mentionStart, end), start: mentionStart, end });
  }
  return found;
}

export interface AsOfMention {
  /** Null for "截至目前": the report's own date decides. */
  date: string | null;
  text: string;
  start: number;
  end: number;
}

/** The first "截至 …" in a text: "截止 9 月底" in 2021 → 2021-09-30; "截至目前" → date null. */
export function findAsOf(input: string, year: number): AsOfMention | null {
  const dated = findDates(input, year).find((d) => d.role === 'asOf');
  const text = foldWidth(input);
  currentAsOf.lastIndex = 0;
  const current = currentAsOf.exec(text);
  if (current && (!dated || current.index < dated.start)) {
    return { date: null, text: input.slice(current.index, current.index + current[0].length), start: current.index, end: current.index + current[0].length };
  }
  return dated ? { date: dated.date, text: dated.text, start: dated.start, end: dated.end } : null;
}

/** The date of a single phrase such as "截至9月底" or "2021年3月底之前"; null when it holds none. */
export function parseDatePhrase(text: string, year: number): string | null {
  return findDates(text, year)[0]?.date ?? null;
}

const rangePattern = new RegExp(`(?:${num}\\s*年\\s*)?${num}\\s*[-—–~至到]\\s*${num}\\s*月份?`, 'g');
const namedPeriodPattern = /(前三季度|上半年|下半年|全年|(?:第)?([一二三四1-4])季度|前([一二三四五六七八九十]{1,2}|\d{1,2})个月)/g;

/** Reporting periods: "1-9月份" → Jan 1 to Sep 30; "前三季度", "上半年", "第二季度", "前5个月". */
export function findPeriods(input: string, year: number): PeriodMention[] {
  const text = foldWidth(input);
  const found: PeriodMention[] = [];
  rangePattern.lastIndex = 0;
  for (let m = rangePattern.exec(text); m !== null; m = rangePattern.exec(text)) {
    const y = m[1] === undefined ? year : numberOf(m[1]);
    const from = numberOf(m[2]);
    const to = numberOf(m[3]);
    if (y === null || from === null || to === null || from < 1 || to > 12 || from > to) continue;
    found.push(period(input, y, from, to, m.index, m.index + m[0].length));
  }
  namedPeriodPattern.lastIndex = 0;
  for (let m = namedPeriodPattern.exec(text); m !== null; m = namedPeriodPattern.exec(text)) {
    const name = m[1] ?? '';
    let months: [number, number] | null = null;
    if (name === '前三季度') months = [1, 9];
    else if (name === '上半年') months = [1, 6];
    else if (name === '下半年') months = [7, 12];
    else if (name === '全年') months = [1, 12];
    else if (m[2] !== undefined) {
      const q = numberOf(m[2]);
      if (q !== null) months = [q * 3 - 2, q * 3];
    } else if (m[3] !== undefined) {
      const n = numberOf(m[3]);
      if (n !== null && n >= 1 && n <= 12) months = [1, n];
    }
    if (months) found.push(period(input, year, months[0], months[1], m.index, m.index + m[0].length));
  }
  return found.sort((a, b) => a.from - b.from);
}

function period(input: string, year: number, fromMonth: number, toMonth: number, from: number, to: number): PeriodMention {
  return { start: formatIsoDate(year, fromMonth, 1), end: monthEnd(year, toMonth), text: input.slice(from, to), from, to };
}
