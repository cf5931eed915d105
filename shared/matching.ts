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

/** The projects by folded title and by number: what matching needs of them alone, worked out once for them. */
export interface ProjectTitles {
  byTitle: Map<string, Matchable[]>;
  bySeq: Map<number, Matchable>;
}

export function projectTitles(projects: readonly Matchable[]): ProjectTitles {
  const byTitle = new Map<string, Matchable[]>();
  for (const p of projects) {
    const key = folded(p.title);
    const same = byTitle.get(key);
    if (same) same.push(p);
    else byTitle.set(key, [p]);
  }
  return { byTitle, bySeq: new Map(projects.map((p) => [p.seq, p])) };
}

const sure = 0.75;
const withSameNumber = 0.45;
/** Beyond this many row × project pairs the fuzzy pass is skipped: it is quadratic. */
const fuzzyPairs = 2_000_000;

/**
 * For each row, the project it matches or null. A project is matched at most once. Identical titles
 * (after folding) match first, in linear time; then a weaker likeness with the same number; then, for
 * tables of ordinary size, the likeliest remaining title.
 */
export function matchRows(
  rows: readonly { seq: string | null; project: string }[],
  projects: readonly Matchable[],
  /** `projectTitles(projects)`, when already worked out (while the file was parsed). */
  titles?: ProjectTitles,
): (number | null)[] {
  const result: (number | null)[] = rows.map(() => null);
  if (projects.length === 0) return result;
  const taken = new Set<number>();
  const take = (index: number, id: number) => {
    result[index] = id;
    taken.add(id);
  };

  // Identical titles; of two rows alike, the one with the project's own number first.
  const { byTitle, bySeq } = titles ?? projectTitles(projects);
  const rowKeys = rows.map((row) => folded(row.project));
  for (const sameNumberFirst of [true, false]) {
    rows.forEach((row, index) => {
      if (result[index] !== null) return;
      const free = (byTitle.get(rowKeys[index]!) ?? []).filter((p) => !taken.has(p.id));
      const pick = sameNumberFirst ? free.find((p) => String(p.seq) === row.seq) : free[0];
      if (pick) take(index, pick.id);
    });
  }

  // The same number and a fair likeness.
  rows.forEach((row, index) => {
    if (result[index] !== null || row.seq === null) return;
    const p = bySeq.get(Number(row.seq));
    if (p && !taken.has(p.id) && titleSimilarity(row.project, p.title) >= withSameNumber) take(index, p.id);
  });

  // Any likely title, best pairs first, while the table is of ordinary size.
  const openRows = rows.map((_, i) => i).filter((i) => result[i] === null);
  const openProjects = projects.filter((p) => !taken.has(p.id));
  if (openRows.length * openProjects.length > fuzzyPairs) return result;
  const pairs: { index: number; id: number; score: number }[] = [];
  for (const index of openRows) {
    for (const p of openProjects) {
      const score = titleSimilarity(rows[index]!.project, p.title);
      if (score >= sure) pairs.push({ index, id: p.id, score });
    }
  }
  for (const pair of pairs.sort((a, b) => b.score - a.score)) {
    if (result[pair.index] === null && !taken.has(pair.id)) take(pair.index, pair.id);
  }
  return result;
}
