/**
 * The building blocks of the contract's input schemas: one definition of what text and numbers a field accepts,
 * so every door refuses the same things with the field's own Chinese label — never storing an altered value.
 */
import { z } from 'zod';

/** C0 controls other than tab and line breaks, DEL and the C1 controls: nothing a person types. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Half of a surrogate pair with no other half: not a character at all, and unstorable as UTF-8. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Characters that show nothing (format characters, joiners, variation selectors, Hangul fillers, blanks). */
const invisibleRanges: [number, number][] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xe0000, 0xe0fff],
];
const shows = (char: string) => {
  const code = char.codePointAt(0)!;
  return !/\s/u.test(char) && !invisibleRanges.some(([from, to]) => code >= from && code <= to);
};
const hasVisible = (v: string) => [...v].some(shows);

const cleanText = (label: string) => (s: z.ZodString) =>
  s
    .refine((v) => !controlCharacter.test(v), `${label}中含有控制字符，请删去后重试`)
    .refine((v) => !loneSurrogate.test(v), `${label}中含有无法识别的字符，请重新输入`);

/** Free text (may be empty): trimmed, at most `max` characters, no control characters or broken characters. */
export const text = (label: string, max: number) => cleanText(label)(z.string(`${label}应为文字`).trim().max(max, `${label}不能超过 ${max} 个字`));

/** A name that must be there: like `text`, and at least one character that shows. */
export const name = (label: string, max = 200) =>
  cleanText(label)(z.string(`${label}应为文字`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`)).refine(
    hasVisible,
    `请填写${label}（不能只有空格或不可见字符）`,
  );

/** Targets and quantities people set: finite, not negative, and of a size a county's plan can have. */
export const maxQuantity = 1e12;
export const quantity = (label: string) =>
  z
    .number(`${label}应为数字`)
    .finite(`${label}应为有限的数字`)
    .min(0, `${label}不能为负数`)
    .max(maxQuantity, `${label}过大（不能超过一万亿）`);

/** A reported value: like a quantity, but a decrease (a negative change) can be reported. */
export const reported = (label: string) =>
  z
    .number(`${label}应为数字`)
    .finite(`${label}应为有限的数字`)
    .min(-maxQuantity, `${label}过小`)
    .max(maxQuantity, `${label}过大（不能超过一万亿）`);

/** A rate is a percentage: its target cannot exceed 100. */
export function rateTargetFits(v: { kind?: string; target?: number | null }): boolean {
  return v.kind !== 'rate' || v.target === null || v.target === undefined || v.target <= 100;
}
export const rateTargetMessage = '比率类指标的目标值不能超过 100%';

/** A plan's own dates lie within its year. */
export const inYear = (date: string | undefined, year: number) => date === undefined || Number(date.slice(0, 4)) === year;
