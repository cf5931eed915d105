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
  return String(Math.round(value * scale) / scale);
}

export function formatAmount(value: number, unit: string): string {
  const number = trimNumber(value);
  return unit === '' ? number : unit === '%' ? `${number}%` : `${number} ${unit}`;
}
