import { memoised } from '../memo';
import { isSpaceCode } from '../sentences';
import { convertUnit, unitsCompatible } from '../units';
import type { ActualCandidateFigure } from './candidates';

/**
 * Pairs progress figures with indicators the way a clerk does: same kind of unit, words in common, a verb
 * of completion; one figure per indicator (per reporting unit) and one indicator per figure, best pairs
 * first. A figure is left unpaired rather than guessed: an actual under the wrong indicator is worse than
 * none, since the status engine would believe it.
 */
export interface MatchIndicator {
  /** Index into the caller's list. */
  index: number;
  name: string;
  kind: string;
  target: number | null;
  unit: string;
}

export interface MatchFigure extends ActualCandidateFigure {
  /** Reporting unit of the part the figure came from (null: the whole progress). */
  part: string | null;
  /** Offset of the part inside the progress text. */
  offset: number;
}

export interface Pair {
  indicator: MatchIndicator;
  figure: MatchFigure;
  value: number;
}

// Two-character pieces too common in these texts to say that two phrases speak of the same thing.
const generic = new Set(['完成', '全年', '累计', '目标', '任务', '建设', '新增', '实现', '开展', '全区', '全县', '全市', '目前', '已经', '工作', '年度', '免费', '提升', '推进', '截至', '截止', '共完', '进行']);
const stopChars = new Set([...'完成全年累计目标任务已共的为有在和及与等个人次项新增实现开展进行区县市目前工作']);

/** The pieces of a phrase that similarity compares, made once per phrase. */
interface Profile {
  grams: Set<string>;
  chars: Set<string>;
  /** The same pieces in the same order, iterated by index: a Set's iterator allocates in baseline code. */
  gramList: string[];
  charList: string[];
  /**
   * compare(this, b) for the profiles met, by b: profiles are shared (profileOf), and an indicator's name
   * is compared with the same words of figures text after text ("宫颈癌筛查人数为…").
   */
  against: Map<Profile, number>;
}

const cjkFirst = 0x4e00;
const cjkLast = 0x9fa5;
// Characters that keep a two-character piece out of the comparison: digits, spaces (as \s has them), and
// punctuation (，。；、“”"（）()).
const notGramCodes = new Set([...'0123456789，。；、“”"（）()'].map((c) => c.charCodeAt(0)));

function keepsOutOfGram(code: number): boolean {
  return notGramCodes.has(code) || isSpaceCode(code);
}

function makeProfile(text: string): Profile {
  const grams = new Set<string>();
  const gramList: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (keepsOutOfGram(text.charCodeAt(i)) || keepsOutOfGram(text.charCodeAt(i + 1))) continue;
    const g = text.slice(i, i + 2);
    if (!generic.has(g) && !grams.has(g)) {
      grams.add(g);
      gramList.push(g);
    }
  }
  const chars = new Set<string>();
  const charList: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < cjkFirst || code > cjkLast) continue;
    const c = text[i] as string;
    if (!stopChars.has(c) && !chars.has(c)) {
      chars.add(c);
      charList.push(c);
    }
  }
  return { grams, chars, gramList, charList, against: new Map() };
}

// Indicator names and figure labels repeat from row to row of a table: each phrase is cut up once.
const profileOf = memoised(makeProfile);

function compare(a: Profile, b: Profile): number {
  return a.against.get(b) ?? compareAnew(a, b);
}

function compareAnew(a: Profile, b: Profile): number {
  let score = 0;
  for (let i = 0; i < b.gramList.length; i++) if (a.grams.has(b.gramList[i]!)) score++;
  let chars = 0;
  for (let i = 0; i < b.charList.length; i++) if (a.chars.has(b.charList[i]!)) chars++;
  const out = score + Math.min(chars, 4) * 0.25;
  if (a.against.size >= 256) a.against.clear();
  a.against.set(b, out);
  return out;
}

/** How much two phrases share: whole two-character pieces count, single meaningful characters a little. */
export function similarity(a: string, b: string): number {
  return compare(profileOf(a), profileOf(b));
}

const place = /([\u4e00-\u9fa5]{2,3}(?:区|县|市|乡|镇))/;

const placeOf = memoised((text: string) => place.exec(text)?.[1]);

/** "湖滨区新增…" against "义马市35个…": a figure of another place is not this target's. */
function otherPlace(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b && !/^(全|本|我)/.test(a) && !/^(全|本|我)/.test(b);
}

function valueFor(indicator: MatchIndicator, figure: MatchFigure): number | null {
  if (indicator.kind === 'milestone') return null;
  if (figure.unit === indicator.unit) return figure.value;
  if (indicator.unit === '' || figure.unit === '' || !unitsCompatible(figure.unit, indicator.unit)) return null;
  return convertUnit(figure.value, figure.unit, indicator.unit);
}

/** What a figure's words are compared by, made once per figure (figures of a repeated text are shared). */
interface FigureWords {
  label: Profile;
  object: Profile;
  context: Profile;
  place: string | undefined;
}

const figureWords = new WeakMap<ActualCandidateFigure, FigureWords>();

function wordsOf(f: ActualCandidateFigure): FigureWords {
  let words = figureWords.get(f);
  if (words === undefined) {
    words = { label: profileOf(f.label), object: profileOf(f.object), context: profileOf(f.context), place: placeOf(f.label + f.object) };
    figureWords.set(f, words);
  }
  return words;
}

/** The pairs a clerk would make, in the order of the figures. */
export function pairFigures(indicators: readonly MatchIndicator[], figures: readonly MatchFigure[]): Pair[] {
  if (indicators.length === 0 || figures.length === 0) return [];
  // By the indicator's place in the list, with plain loops: each distinct pairing is made once, mostly in
  // baseline code, where maps, closures and iterators are allocated for every use.
  const sides: Sides = { names: [], places: [], sameUnitCount: [] };
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k]!;
    sides.names.push(profileOf(i.name));
    sides.places.push(placeOf(i.name));
    let same = 0;
    for (let m = 0; m < indicators.length; m++) {
      const o = indicators[m]!;
      if (o.kind !== 'milestone' && (o.unit === i.unit || unitsCompatible(o.unit, i.unit))) same++;
    }
    sides.sameUnitCount.push(same);
  }
  const scored: Scored[] = [];
  for (let order = 0; order < figures.length; order++) scoreFigure(indicators, sides, figures[order]!, order, scored);
  // Sorting copies the array: not for one pair, the most common case.
  if (scored.length > 1) scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const out: Scored[] = [];
  for (let n = 0; n < scored.length; n++) if (!takenBy(out, scored[n]!)) out.push(scored[n]!);
  if (out.length > 1) out.sort((a, b) => a.order - b.order);
  return out.map(({ indicator, figure, value }) => ({ indicator, figure, value }));
}

type Scored = Pair & { score: number; order: number };

/** What a pairing reads of each indicator, by its place in the list: made once, not for every figure. */
interface Sides {
  names: Profile[];
  places: (string | undefined)[];
  /** The indicators (itself among them) in a unit of its kind. */
  sameUnitCount: number[];
}

/**
 * Whether a pair kept already has this pair's figure, or its indicator in the same reporting unit. The
 * pairs kept are few: looked through, with no key string made and hashed for each pair scored.
 */
function takenBy(kept: readonly Scored[], s: Scored): boolean {
  for (let n = 0; n < kept.length; n++) {
    const k = kept[n]!;
    if (k.figure === s.figure || (k.indicator.index === s.indicator.index && (k.figure.part ?? '') === (s.figure.part ?? ''))) return true;
  }
  return false;
}

/** Each indicator the figure may be the actual of, scored, pushed to `scored`. */
function scoreFigure(indicators: readonly MatchIndicator[], sides: Sides, f: MatchFigure, order: number, scored: Scored[]): void {
  let words: FigureWords | null = null;
  for (let k = 0; k < indicators.length; k++) {
    const indicator = indicators[k]!;
    const value = valueFor(indicator, f);
    if (value === null) continue;
    const target = indicator.target;
    // A census of 17000 manholes is not the 500 to be repaired: a count far beyond its target is a total.
    if (target !== null && target > 0 && indicator.kind !== 'rate' && value > 5 * target) continue;
    words ??= wordsOf(f);
    if (otherPlace(sides.places[k], words.place)) continue;
    const name = sides.names[k]!;
    const own = compare(name, words.label) + 0.75 * compare(name, words.object);
    // A rate's subject may be in the clause before ("…人数1856人，筛查率63.91%").
    const sim = f.unit === '%' ? own + 0.5 * compare(name, words.context) : own;
    // Uncued and equal to the target: the target said again ("50个老旧小区3006户改造项目").
    if (!f.cued && target !== null && Math.abs(value - target) < 1e-9) continue;
    const isRate = indicator.kind === 'rate' || f.unit === '%';
    const eligible = f.weak ? sim >= 3 : f.cued || (isRate && sim >= 1) || (f.sentenceCued && sim >= 1) || sim >= 2.5;
    if (!eligible) continue;
    // Several indicators in one unit: the words must say which.
    if (sides.sameUnitCount[k]! > 1 && sim <= 0) continue;
    const score = sim + (f.cued ? 1.5 : f.sentenceCued ? 0.75 : 0) + (f.unit === indicator.unit ? 0.25 : 0);
    scored.push({ indicator, figure: f, value, score, order });
  }
}
