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
  if (raw.length === 0) return [];
  const seen = new Set<string>();
  for (const r of raw) {
    const name = normalizeName(r);
    if (name) seen.add(name);
  }
  // Spread from the set, not pushed: a pushed array keeps room for 16 names, and an import keeps several of
  // these per row (issue #13: 100,000 rows within 600 MB).
  return [...seen];
}
