/** Chinese numbering as the seeds write it: 一、二、… 十一、 （一）（二）… and dates 2022年10月25日. */

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (bulletins rarely pass 99, but the numbering must not break). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`chineseNumber: ${n}`);
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${digits[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
    return `${digits[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

/** 一、 */
export const level1 = (n: number) => `${chineseNumber(n)}、`;
/** （一） with full-width brackets. */
export const level2 = (n: number) => `（${chineseNumber(n)}）`;
/** 1. */
export const level3 = (n: number) => `${n}. `;

/** 2022-10-25 → 2022年10月25日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
