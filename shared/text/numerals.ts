/**
 * Chinese numerals (一 … 二十三, 两, 十/百/千/万/亿, 〇/零) and decimal strings scaled by 万/亿 without
 * floating-point drift (0.885万 must be exactly 8850).
 */

const digitValues: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const smallUnits: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const largeUnits: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const chineseNumeralChars = '零〇一二两三四五六七八九十百千万亿';

const numeralCodes = new Set([...chineseNumeralChars].map((c) => c.charCodeAt(0)));

export function isChineseNumeralChar(ch: string): boolean {
  return ch.length === 1 && numeralCodes.has(ch.charCodeAt(0));
}

/** isChineseNumeralChar on a UTF-16 code, for scans that read every character (NaN past the end: false). */
export function isChineseNumeralCode(code: number): boolean {
  // A switch, not the set: the scans ask this of every character, most of them CJK (test/unit/text/fast-paths.test.ts checks both agree).
  switch (code) {
    case 0x96f6: // 零
    case 0x3007: // 〇
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e24: // 两
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
    case 0x767e: // 百
    case 0x5343: // 千
    case 0x4e07: // 万
    case 0x4ebf: // 亿
      return true;
    default:
      return false;
  }
}

/**
 * Value of a Chinese integer numeral: '二十三' → 23, '十' → 10, '一百零五' → 105, '两万' → 20000,
 * '一亿二千万' → 120000000, '二〇二一' → 2021 (digit by digit, as in years). Null when malformed.
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  if (chars.every((c) => c in digitValues) && chars.length > 1) {
    // Digit-by-digit form (二〇二一); 两 is never used this way.
    if (chars.includes('两')) return null;
    return Number(chars.map((c) => digitValues[c]).join(''));
  }
  let total = 0; // completed 亿 sections
  let section = 0; // completed 万 section below 亿
  let group = 0; // below 万
  let digit: number | null = null;
  let lastSmallUnit = 10_000;
  let lastLargeUnit = Infinity;
  let sawAny = false;
  for (const ch of chars) {
    const d = digitValues[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // "二三" is not a number
      digit = d;
      sawAny = true;
      continue;
    }
    const small = smallUnits[ch];
    if (small !== undefined) {
      if (small >= lastSmallUnit) return null; // 十百, 百百
      // A bare 十 means 一十 ("十二" = 12), but only at the head of a group: "百十" is not a number.
      if (digit === null && group !== 0) return null;
      const multiplier = digit === null ? 1 : digit;
      if (multiplier === 0) return null;
      group += multiplier * small;
      digit = null;
      lastSmallUnit = small;
      sawAny = true;
      continue;
    }
    const large = largeUnits[ch];
    if (large !== undefined) {
      if (!sawAny || large >= lastLargeUnit) return null;
      const value = group + (digit ?? 0);
      if (large === 1e8) {
        total = (total + section + value) * 1e8;
        section = 0;
      } else {
        if (value === 0 && section === 0) return null;
        section = value * 1e4;
      }
      group = 0;
      digit = null;
      lastSmallUnit = 10_000;
      lastLargeUnit = large;
      continue;
    }
    return null;
  }
  if (!sawAny) return null;
  return total + section + group + (digit ?? 0);
}

/**
 * A non-negative decimal string times 10^power, computed on the digits so that no binary rounding shows:
 * scaleDecimal('0.885', 4) → 8850, scaleDecimal('2.8', 4) → 28000. Null when the string is not a decimal.
 */
const decimalPattern = /^(\d+)(?:\.(\d+))?$/;

export function scaleDecimal(decimal: string, power: number): number | null {
  // Most figures have no thousands separator: no copy made for them.
  const plain = decimal.includes(',') ? decimal.replace(/,/g, '') : decimal;
  const match = decimalPattern.exec(plain);
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (power <= 0) return Number(plain) / 10 ** -power;
  const shifted = fraction.length <= power ? whole + fraction.padEnd(power, '0') : `${whole}${fraction.slice(0, power)}.${fraction.slice(power)}`;
  return Number(shifted);
}

/** Value of an Arabic or Chinese number as written, e.g. '23', '1,662', '108.91', '二十三'. */
export function parseNumberText(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d[\d,]*(?:\.\d+)?$/.test(trimmed)) return scaleDecimal(trimmed, 0);
  return parseChineseInteger(trimmed);
}
