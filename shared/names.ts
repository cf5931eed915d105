/**
 * Tidies a unit's or person's name as typed or imported: trims, folds runs of white space (including
 * the ideographic space), and drops spaces between Chinese characters, which Chinese never needs and
 * tables add only to pad names to width ("王 晓" is 王晓, "县 财政局" is 县财政局).
 */
export function normalizeName(raw: string): string {
  return raw
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '');
}

/** Normalized, without blanks or repeats, first occurrence kept. */
export function uniqueNames(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of raw.map(normalizeName)) {
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}
