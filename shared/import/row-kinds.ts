/**
 * What kind of row a table row is, by its words alone: a section banner (一、已完成实事（11件）), a total (合计),
 * a footer (填表人：), a note (注：), a date line; and how a number written in the 序号 column reads.
 */
import { foldWidth, parseChineseInteger } from '../text';
import { normalizeHeader } from './headers';

const chineseNumeral = '[一二三四五六七八九十百零〇两]+';
const sectionPatterns = [
  new RegExp(`^${chineseNumeral}\\s*[、.．:：]`),
  new RegExp(`^[（(]\\s*${chineseNumeral}\\s*[)）]`),
  new RegExp(`^第\\s*(?:${chineseNumeral}|\\d+)\\s*(?:类|部分|批|项|章|板块|方面)`),
  /[（(]\s*\d+\s*[件项个]\s*[）)]\s*$/,
  /(?:已完成|持续推进|进展缓慢|推进缓慢|正在推进|未完成|滞后)(?:的)?(?:实事|项目|事项|任务)/,
];

/** A section banner: 一、…, （一）…, 第二类…, …（11件）, 已完成实事. Not a sentence, not long. */
/** A section that groups projects by their state or counts them: 一、已完成实事（11件）. */
export function isStatusSection(value: string): boolean {
  const t = foldWidth(value).trim();
  return (sectionPatterns[3]?.test(t) ?? false) || (sectionPatterns[4]?.test(t) ?? false);
}

export function isSectionText(value: string): boolean {
  const t = foldWidth(value).trim();
  if (t === '' || [...t].length > 60) return false;
  if (/[。；;]./.test(t)) return false;
  return sectionPatterns.some((p) => p.test(t));
}

export const footerPattern =
  /^(填表人|填报人|填表|审核人|审核|签发人|签发领导|签发|制表人|制表|联系人|联系电话|单位负责人|主要负责人|填报单位|报送单位|填报日期|报送日期|分管领导签字|负责人签字|数据来源)\s*([（(][^）)]{0,8}[）)])?\s*[:：]/;
export const notePattern = /^(注|说明|备注|附注)\s*\d*\s*[:：]/;
/** A date on a line of its own under the table: the day it was filled in. */
export const dateLine = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$/;
const totalPattern = /^(合计|总计|小计|汇总|总合计|共计)$/;
const totalWithScope = /^(全[县区市镇乡]|总)?(合计|总计|共计)([:：].{0,8})?$/;
/**
 * "合 计", "合计（万元）": short by nature, so long task texts are not normalized for nothing; and every total
 * has 计 or 汇 (normalizing only takes characters away), so a row's number or name without them is not one.
 */
export const isTotal = (value: string): boolean => {
  if (value.length > 40 || (!value.includes('计') && !value.includes('汇'))) return false;
  const normalized = normalizeHeader(value);
  return totalPattern.test(normalized) || totalWithScope.test(normalized);
};

/** A 序号 as a plain number where it is one ("（三）" → "3", "2.0" → "2"); other text as written. */
export function normalizeSeq(raw: string): string | null {
  // Most numbers are plain digits, one a row: they read as themselves, whatever the steps below would do.
  if (isDigits(raw)) return String(Number(raw));
  const t = foldWidth(raw).trim();
  if (t === '') return null;
  const inner = t.replace(/^[（(【[]\s*|\s*[)）】\]]$/g, '').replace(/[、.．:：]$/, '').trim();
  if (/^\d+$/.test(inner)) return String(Number(inner));
  if (/^\d+\.0+$/.test(inner)) return String(Math.trunc(Number(inner)));
  if (/^[一二三四五六七八九十百零〇两]+$/.test(inner)) {
    const n = parseChineseInteger(inner);
    if (n !== null) return String(n);
  }
  return t;
}

/** Whether a text is ASCII digits only (and not empty). */
function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Where splitSentences ends a sentence: 。！？；;\n!? */
function endsSentence(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 0x3b || code === 0x0a || code === 0x21 || code === 0x3f;
}
const space = /\s/;

/**
 * `splitSentences(text)[0]?.text`, found without splitting the rest: a task text can be a page long, and
 * every row's is read (row-kinds.test.ts checks the two agree).
 */
export function firstSentenceOf(text: string): string | undefined {
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !endsSentence(text.charCodeAt(i))) continue;
    let s = start;
    let e = i === text.length ? i : i + 1;
    while (s < e && space.test(text[s]!)) s++;
    while (e > s && space.test(text[e - 1]!)) e--;
    if (e > s) return text.slice(s, e);
    start = i + 1;
  }
  return undefined;
}

/** The name a task text gives its project: its first sentence, without its own number. */
export function firstSentence(value: string): string {
  const first = firstSentenceOf(value) ?? value.trim();
  const unnumbered = first
    .replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．]\s*/, '')
    .replace(/^\s*[（(](?:\d+|[一二三四五六七八九十]+)[)）]\s*/, '');
  // "新建停车场3处2.改造农贸市场2个": the next numbered item starts a new task (2.5公里 is a number). Most names
  // have no such mark: looked for plainly first, as the search with its lookbehind tries every position.
  const single = nextItemMark.test(unnumbered) ? unnumbered.replace(nextItem, '') : unnumbered;
  return withoutTrailing(single).trim();
}

const nextItemMark = /[、.．]/;
const nextItem = /(?<=\S)\s*(?:[2-9]|[二三四五六七八九])[、.．](?=[\u3400-\u9fff]).*$/s;
const trailing = /[。；;，,：:\s]/;

/** `text.replace(/[。；;，,：:\s]+$/, '')`, from the end: the search would try every position of a long name. */
function withoutTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && trailing.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The number as written, without the 、 or full stop after it: "一、" → "一", "（三）" stays, "2.0" → "2". */
export function seqAsWritten(raw: string): string | null {
  if (isDigits(raw)) return raw;
  const t = raw.trim();
  if (t === '') return null;
  if (/^\d+\.0+$/.test(t)) return String(Math.trunc(Number(t)));
  return t.replace(/[、.．:：]$/, '').trim() || t;
}
