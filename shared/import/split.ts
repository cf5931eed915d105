/**
 * Splitting the cells that hold several names: units ("县城管局\n县住建局", "区妇联、区卫健委"), people
 * ("王 晓 滕跃峰" is 王晓 and 滕跃峰), and progress written per unit ("县城管局：……\n县住建局：……").
 * Never inside brackets: "各县（市、区）政府" is one unit.
 */
import { normalizeName } from '../names';
import { foldWidth } from '../text';

const openers = new Set(['（', '(', '【', '[', '《', '〔', '「', '“']);
const closers = new Set(['）', ')', '】', ']', '》', '〕', '」', '”']);

/** Splits on characters accepted by `isSeparator`, but only at bracket depth 0. */
function splitOutsideBrackets(text: string, isSeparator: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (openers.has(ch)) depth++;
    else if (closers.has(ch) && depth > 0) depth--;
    if (depth === 0 && isSeparator(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

const listSeparators = new Set(['\n', '\r', '、', '，', ',', ';', '；', '/', '／', '|', '｜']);
const isListSeparator = (ch: string): boolean => listSeparators.has(ch);
const isSpace = (ch: string): boolean => /\s/.test(ch);

/** Spaces inside a token, 1-char pieces: "王 晓" → ['王', '晓']. Run of single CJK characters = one padded name. */
function joinPadded(tokens: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    // Two or three single characters are one padded name; four are read as two padded two-character names.
    if (run.length === 4) out.push(run.slice(0, 2).join(''), run.slice(2).join(''));
    else out.push(run.join(''));
    run = [];
  };
  for (const token of tokens) {
    if ([...token].length === 1 && /[\u3400-\u9fff]/.test(token)) run.push(token);
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

const stripTrailing = (s: string): string => s.replace(/^[\s:：。.]+|[\s:：。.]+$/g, '');

/** Several people in one cell: line breaks, 、，;; and spaces separate names; padding spaces inside a name do not. */
/** A post, not a person: 副县长, 县委常委, 县人大常委会副主任. */
const post = /(书记|常委|县长|区长|市长|镇长|乡长|主任|主席|部长|局长|秘书长|调研员|委员)$/;
const isPost = (token: string): boolean => post.test(token) && (/^(副|常务|县|区|市|镇|乡|党|人大|政协)/.test(token) || [...token].length >= 4);
/** 县政协副主席吴十一: the name after a post written without a space. */
const afterPost = /^(.+?(?:书记|常委|县长|区长|市长|镇长|乡长|主任|主席|部长|局长|秘书长|调研员))([\u3400-\u9fff]{2,3})$/;

export function splitPeople(raw: string): string[] {
  const text = foldWidth(raw).replace(/\u00a0/g, ' ');
  const out: string[] = [];
  for (const part of splitOutsideBrackets(text, isListSeparator)) {
    const tokens = splitOutsideBrackets(part, isSpace).filter((t) => t.trim() !== '');
    for (const name of joinPadded(tokens)) {
      // 张三（局长）: the post in brackets is not part of the name; a telephone number is not a person.
      let clean = normalizeName(stripTrailing(name.replace(/[（(][^（）()]{1,10}[）)]$/, '')));
      const titled = afterPost.exec(clean);
      if (titled && isPost(titled[1]!)) clean = titled[2]!;
      if (clean && !/^(无|暂无|\/|-|—)$/.test(clean) && !/^[\d\-－—+ ]{7,}$/.test(clean) && !isPost(clean)) out.push(clean);
    }
  }
  return dedupe(out);
}

/**
 * Several units in one cell. Spaces separate units too, except padding: a one-character piece ("县 财政局")
 * belongs to the piece after it.
 */
export function splitUnits(raw: string): string[] {
  const text = foldWidth(raw).replace(/\u00a0/g, ' ');
  const out: string[] = [];
  for (const part of splitOutsideBrackets(text, isListSeparator)) {
    const tokens = splitOutsideBrackets(part, isSpace).filter((t) => t.trim() !== '');
    const joined: string[] = [];
    let carry = '';
    for (const token of tokens) {
      const piece = carry + token;
      // Padding: a one-character piece ("县 财政局", "县 委 办") continues into the next.
      if ([...token].length === 1 && token !== tokens[tokens.length - 1]) carry = piece;
      else {
        joined.push(piece);
        carry = '';
      }
    }
    if (carry) joined.push(carry);
    for (const unit of joined) {
      const clean = normalizeName(stripTrailing(unit));
      if (clean && !/^(无|暂无|\/|-|—)$/.test(clean)) out.push(clean);
    }
  }
  return dedupe(out);
}

/** How a unit's part is written after its name: 县教育局牵头, 县财政局配合, 县住建局（牵头）, 县人社局等. */
const roleSuffix = /^(.*?)\s*[（(]?\s*(牵头|负责|主责|主办|配合|协助|协办|参与|等)\s*[）)]?$/;
const supportRoles = new Set(['配合', '协助', '协办', '参与']);
const orgEnding = /(局|委|办|中心|政府|院|会|部|站|所|队|公司|街道|镇|乡|社|馆|处|联|团|组|村|室|厅|总队|支队|大队)$/;
/** 县教育局（张三）: a person's name in brackets after a unit, as some tables write the person responsible. */
const unitWithPerson = /^(.+?)[（(]([\u3400-\u9fff]{2,3})[）)]$/;

export interface UnitsWithRoles {
  lead: string[];
  support: string[];
  /** People written beside their unit, 县教育局（张三）. */
  people: string[];
}

/**
 * The units of a 责任单位 cell with the roles written into it: "县教育局牵头，县财政局、县住建局配合" is one
 * lead and two supporting units — a role word closes the run of units before it. Without role words every
 * unit leads. A person's name in brackets after a unit goes to `people`.
 */
export function splitUnitRoles(raw: string): UnitsWithRoles {
  const out: UnitsWithRoles = { lead: [], support: [], people: [] };
  let pending: string[] = [];
  for (const part of splitUnits(raw)) {
    const role = roleSuffix.exec(part);
    let unit = role && role[1] ? role[1] : part;
    const person = unitWithPerson.exec(unit);
    if (person && orgEnding.test(person[1]!) && !orgEnding.test(person[2]!) && !/^[县区市乡镇街各]/.test(person[2]!)) {
      unit = person[1]!;
      out.people.push(person[2]!);
    }
    pending.push(unit);
    if (role && role[2] !== '等') {
      (supportRoles.has(role[2]!) ? out.support : out.lead).push(...pending);
      pending = [];
    }
  }
  out.lead.push(...pending);
  return { lead: dedupe(out.lead), support: dedupe(out.support), people: dedupe(out.people) };
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}

/** A unit label at the start of a line or sentence, such as "县城管局：" or "2.县住建局:". */
const labelPattern =
  /(?:^|(?<=[\n。；;]))[ \t\u3000]*(?:[(（]?[0-9一二三四五六七八九十]{1,2}[)）.、．]?\s*)?([^\n。；;：:，,]{2,24}?(?:局|委|办|中心|政府|院|会|部|站|所|队|公司|街道|镇|乡|社|馆|处|团|组|集团|委员会))\s*[：:]/g;
/** labelPattern without its lookbehind, tried only where that lookbehind holds (see matchesAt). */
const labelAt = new RegExp(labelPattern.source.replace('(?:^|(?<=[\\n。；;]))', ''), 'y');
const lineOrSentenceEnd = /[\n。；;]/g;

/** Where a line or sentence starts: the text's start and after each \n。；; — the only places a label can. */
function lineStarts(text: string): number[] {
  const out = [0];
  lineOrSentenceEnd.lastIndex = 0;
  for (let e = lineOrSentenceEnd.exec(text); e !== null; e = lineOrSentenceEnd.exec(text)) out.push(e.index + 1);
  return out;
}

/**
 * The matches a global search for `(?:^|(?<=[\n。；;]))` + `sticky`'s pattern would find, in order. That search
 * tries every position of a long text; this tries the sticky pattern only where the lookbehind holds.
 */
function matchesAt(text: string, sticky: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const p of starts) {
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m !== null) {
      out.push(m);
      from = p + m[0].length;
    }
  }
  return out;
}

/** The matches of labelPattern in `text`, in order. */
export function labelsOf(text: string, starts: readonly number[] = lineStarts(text)): RegExpExecArray[] {
  return matchesAt(text, labelAt, starts);
}

const unitLabels = new Map<string, RegExp>();

/** "县城管局：" at a line or sentence start (see matchesAt), for one unit (cached: the same units recur on every row). */
function unitLabel(unit: string): RegExp {
  let re = unitLabels.get(unit);
  if (!re) {
    const escaped = unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`[ \\t\\u3000]*(?:[(（]?[0-9一二三四五六七八九十]{1,2}[)）.、．]?\\s*)?${escaped}\\s*[：:]`, 'y');
    if (unitLabels.size > 2000) unitLabels.clear();
    unitLabels.set(unit, re);
  }
  return re;
}

/** The row's unit a label names ("城管局" names "县城管局"), or undefined: each of the row's units normalized once. */
function unitMatcher(units: readonly string[]): (label: string) => string | undefined {
  const normalized = units.map(normalizeName);
  return (label) => {
    const y = normalizeName(label);
    const i = normalized.findIndex((x) => x === y || (x.length >= 2 && y.length >= 2 && (x.endsWith(y) || y.endsWith(x))));
    return i < 0 ? undefined : units[i];
  };
}

/**
 * Progress written per unit in one cell, split at each "单位：" label. Labels are matched to the row's
 * units (a label "城管局" is the row's "县城管局"); a label that names none of them is kept as written.
 * Returns [] when the cell has no such labels (the whole text is then the project's).
 */
export function splitUnitProgress(raw: string, units: readonly string[]): { unit: string; text: string; known: boolean }[] {
  // Every label ends in a colon: the many cells without one have none, and need no search for them.
  if (!raw.includes('：') && !raw.includes(':')) return [];
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const starts: { index: number; bodyStart: number; label: string }[] = [];
  const lines = lineStarts(text);
  for (const m of labelsOf(text, lines)) {
    const label = (m[1] ?? '').trim();
    starts.push({ index: m.index, bodyStart: m.index + m[0].length, label });
  }
  // Also labels that name the row's own units exactly, whatever they end with.
  for (const unit of units) {
    if (!text.includes(unit)) continue;
    for (const m of matchesAt(text, unitLabel(unit), lines)) {
      if (!starts.some((s) => s.index <= m.index && m.index < s.bodyStart)) {
        starts.push({ index: m.index, bodyStart: m.index + m[0].length, label: unit });
      }
    }
  }
  starts.sort((a, b) => a.index - b.index);
  const unitOf = unitMatcher(units);
  const labelled = starts.map((s) => ({ ...s, match: unitOf(s.label) })).filter((s) => s.match !== undefined || /(局|委|办|中心|政府)$/.test(s.label));
  if (labelled.length === 0) return [];
  if (labelled.length === 1 && units.length <= 1 && labelled[0]?.index !== 0) return [];
  const out: { unit: string; text: string; known: boolean }[] = [];
  const lead = text.slice(0, labelled[0]?.index ?? 0).trim();
  labelled.forEach((s, i) => {
    const end = labelled[i + 1]?.index ?? text.length;
    const body = text.slice(s.bodyStart, end).trim();
    const { match } = s;
    const unit = match ?? normalizeName(s.label);
    const existing = out.find((o) => o.unit === unit);
    if (existing) existing.text = `${existing.text}\n${body}`.trim();
    else out.push({ unit, text: body, known: match !== undefined });
  });
  if (lead && out[0]) out[0].text = `${lead}\n${out[0].text}`.trim();
  return out;
}
