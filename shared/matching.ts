/**
 * Which ledger project an imported row is about. Titles drift between tables ("实施残疾儿童康复救助" vs
 * "残疾儿童康复救助"), numbers restart per section, so neither alone decides.
 */
import { foldWidth } from './text/width';

function folded(title: string): string {
  return foldWidth(title)
    .replace(/[\s，。、；：,.;:（）()“”"‘’'《》<>【】[\]—-]/g, '')
    .replace(/^(实施|推进|开展|加快|加强|持续|提升|扩大|完善|改善)/, '');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice over character bigrams of the folded titles: 1 identical, 0 nothing shared. */
export function titleSimilarity(a: string, b: string): number {
  const [x, y] = [folded(a), folded(b)];
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

export interface Matchable {
  id: number;
  seq: number;
  title: string;
}

const sure = 0.75;
const withSameNumber = 0.45;

/**
 * For each row, the project it matches or null. A project is matched at most once; a title alike
 * enough wins on its own, a weaker likeness needs the same number as well.
 */
export function matchRows(rows: readonly { seq: string | null; project: string }[], projects: readonly Matchable[]): (number | null)[] {
  const taken = new Set<number>();
  const result: (number | null)[] = rows.map(() => null);
  const candidates = rows.flatMap((row, index) =>
    projects.map((p) => {
      const score = titleSimilarity(row.project, p.title);
      const sameNumber = row.seq !== null && Number(row.seq) === p.seq;
      return { index, id: p.id, score: score + (sameNumber ? 0.01 : 0), ok: score >= sure || (sameNumber && score >= withSameNumber) };
    }),
  );
  for (const c of candidates.filter((c) => c.ok).sort((a, b) => b.score - a.score)) {
    if (result[c.index] !== null || taken.has(c.id)) continue;
    result[c.index] = c.id;
    taken.add(c.id);
  }
  return result;
}
