/** Number formatting for reasons: short, and never misleading at the edges. */

/**
 * A share as a percentage for people: whole numbers, except where rounding would lie — 99.96% is not
 * "100%" (not done) and 0.3% is not "0%" (started).
 */
export function formatPercent(share: number): string {
  const rounded = Math.round(share * 100);
  if ((rounded === 100 && share < 1) || (rounded === 0 && share > 0)) {
    const tenths = share < 1 && rounded === 100 ? Math.floor(share * 1000) / 10 : Math.ceil(share * 1000) / 10;
    return `${trimNumber(tenths, 1)}%`;
  }
  return `${rounded}%`;
}

/** Whole percentage points of a share, as shown by formatPercent when it shows a whole number. */
export function wholePercent(share: number): number {
  return Math.round(share * 100);
}

/** A value with at most `digits` decimals and no trailing zeros: 6 → "6", 9.540 → "9.54". */
export function trimNumber(value: number, digits = 2): string {
  if (Number.isInteger(value)) return String(value);
  // Rounding through a power of ten and String() trims zeros without toFixed and a regex (hot in reasons).
  const scale = 10 ** digits;
  const hundredths = Math.round(value * scale);
  if (digits === 2 && hundredths > -fastLimit && hundredths < fastLimit) return hundredthsText(hundredths);
  return String(hundredths / scale);
}

/**
 * Below this many hundredths a double's spacing is far under 0.005, so String(k / 100) — the shortest text that
 * reads back as that double — is exactly the decimal k / 100 without trailing zeros.
 */
const fastLimit = 1e12;

/**
 * String(k / 100) written from the integer k: String() of a fraction runs the shortest-digits search, the
 * costliest step of a plan's reasons (≈ 250,000 figures); the whole part and the two digits are small integers.
 */
function hundredthsText(k: number): string {
  const negative = k < 0;
  const abs = negative ? -k : k;
  const cents = abs % 100;
  const whole = String((abs - cents) / 100);
  // -0.001 rounds to -0, and String(-0) is "0".
  const sign = negative ? '-' : '';
  if (cents === 0) return sign + whole;
  if (cents % 10 === 0) return `${sign}${whole}.${cents / 10}`;
  return `${sign}${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

export function formatAmount(value: number, unit: string): string {
  const number = trimNumber(value);
  return unit === '' ? number : unit === '%' ? `${number}%` : `${number} ${unit}`;
}
