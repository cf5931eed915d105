import type { DiffEntry, DiffKind, FieldChange, Indicator, ImportDiff, Project } from '../../../../shared/domain';
import { figureYear, noFigures, rowFigures, type FiguredRow } from '../../../../shared/import/figures';
import { groupProjectRows, type ProjectRows } from '../../../../shared/import/group';
import type { PreviewRow, TablePreview } from '../../../../shared/import/understand';
import type { RowFigures } from '../../../../shared/text/figures/types';
import { matchRows } from '../../../../shared/matching';
import { normalizeName, uniqueNames } from '../../../../shared/names';
import { trimNumber } from '../../../../shared/status/format';
import type Sqlite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { aliasNames } from '../../../../db/repositories/directory';
import { listPlanIndicators } from '../../../../db/repositories/indicators';
import { isPeriodSigned, listPeriods } from '../../../../db/repositories/periods';
import { statedInPeriod, type StatedRow } from '../../../../db/repositories/stated';
import { importReader, type ImportReader } from '../../../../db/repositories/import-reader';
import { latestActuals, periodReports, type NarrativeRow, type ValueRow } from '../../../../db/repositories/progress';
import type { Database } from '../../../../db/schema';
import { figuresAgainst } from './known-figures';
import type { ReadAhead } from './prefetch';
import type { ImportTarget } from './target';

/** One row, with the project it updates (null: a new one) and what would change. */
export interface RowPlan {
  row: PreviewRow;
  /** The project's tasks, when its rows were several (a name merged down over its tasks). */
  tasks: ProjectRows['tasks'];
  project: Project | null;
  entry: DiffEntry;
  /** The row's units, people and leaders as the directory names them. */
  names: { leadUnits: string[]; supportUnits: string[]; responsiblePeople: string[]; leaders: string[] };
  /** Narratives to write: per unit when the cell was split by unit, else for the whole project; with what they replace. */
  narratives: { unit: string | null; text: string; previous: NarrativeRow | null }[];
  indicators: { name: string; target: number | null; unit: string; actual: number | null; existing: Indicator | null; previous: ValueRow | null }[];
  /** The figures the words propose that the ledger has not got (the diff entry's). */
  figures: RowFigures;
  /** This period's stated completion the row would replace. */
  previousStated: StatedRow | null;
  /** This period's values by "indicatorId\tunitId", for the undo log of figures written per unit. */
  periodValues: Map<string, ValueRow>;
}

const linkLabels = { leadUnits: '主要责任单位', supportUnits: '相关责任单位', responsiblePeople: '责任人', leaders: '分管领导' } as const;
type LinkField = keyof typeof linkLabels;
const linkFields = Object.keys(linkLabels) as LinkField[];
const noRowIndicators: RowPlan['indicators'] = Object.freeze([]) as unknown as RowPlan['indicators'];

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The ledger to plan against: Kysely for most, and the same connection's plain statements for the loads of a
 * whole plan (`importReader`). In the commit `db` is its transaction, on that one connection.
 */
export interface PlanLedger {
  db: Kysely<Database>;
  sqlite: Sqlite.Database;
  /** What was read ahead while the file was parsed, the ledger unchanged since: used where it is of this plan and period. */
  ahead?: ReadAhead | null;
}

/** Works out, without writing anything, what importing these rows into the target would do. */
export async function planRows(ledger: PlanLedger, table: TablePreview, target: ImportTarget, options: { figures?: boolean } = {}): Promise<RowPlan[]> {
  const { db } = ledger;
  const reader = importReader(ledger.sqlite);
  const readWords = options.figures !== false;
  const { ahead } = ledger;
  const read = !target.plan ? { projects: [] } : ahead?.planId === target.plan.id ? ahead : { projects: reader.projects(target.plan.id) };
  const projects = new Map(read.projects.map((p) => [p.id, p]));
  const indicators = new Map((target.plan ? await listPlanIndicators(db, target.plan.id) : []).map((i) => [`${i.projectId}\t${i.name}`, i]));
  const earlierActuals = target.plan ? await latestActuals(db, target.plan.id, dayBefore(target.asOf)) : new Map();
  const signed = target.period ? await isPeriodSigned(db, target.period.id) : false;
  const reported = target.period ? await periodReports(db, target.period.id) : { narratives: [], values: [] };
  const narrativesNow = new Map(reported.narratives.map((n) => [`${n.projectId}\t${n.unit ?? ''}`, n]));
  const valuesNow = new Map(reported.values.filter((v) => v.unitId === null).map((v) => [v.indicatorId, v]));
  const periodValues = new Map<string, ValueRow>(reported.values.map((v) => [`${v.indicatorId}\t${v.unitId ?? ''}`, v]));
  // Rows of one project (its name merged down over its tasks) are one project with those tasks.
  const groups = groupProjectRows(table.rows);
  const rows = groups.map((g) => g.row);
  const own = new Set<PreviewRow>(table.rows);
  const matches = matchRows(rows, read.projects, 'titles' in read ? read.titles : undefined);
  const byProject = new Map<number, Indicator[]>();
  for (const i of indicators.values()) byProject.set(i.projectId, [...(byProject.get(i.projectId) ?? []), i]);
  const statedNow = target.period ? await statedInPeriod(db, target.period.id) : new Map<number, StatedRow>();
  const lastNarratives = await previousNarratives(db, reader, target, ahead?.narratives ?? null);
  const year = figureYear(table, target.planYear);
  const known: KnownValues = { year, valuesNow, earlierActuals };
  const aliases = await aliasNames(db, unitsNamed(rows));
  // Names as the directory knows them: an alias becomes its unit's name.
  // The same few units recur on every row: each list is named once.
  const named = new Map<string, string[]>();
  // Rows that name the same units or people share one list (the understanding reads each distinct cell
  // once): a list is worked out once, and its rows share the result.
  const canonicalLists = new Map<readonly string[], string[]>();
  const canonical = (names: string[]) => {
    let done = canonicalLists.get(names);
    if (done) return done;
    const key = names.join('\0');
    let out = named.get(key);
    if (!out) named.set(key, (out = [...new Set(uniqueNames(names).map((n) => aliases.get(n) ?? n))]));
    canonicalLists.set(names, (done = alike(names, out) ? names : [...out]));
    return done;
  };
  const tidied = new Map<readonly string[], string[]>();
  const tidy = (names: string[]): string[] => {
    let out = tidied.get(names);
    if (!out) tidied.set(names, (out = same(names, uniqueNames(names))));
    return out;
  };
  // Shared lists are joined once for the diff, not once for every row that names them; and a new project's
  // change of a role (from nothing to the list) is one frozen object for all the rows naming that list: a plan
  // is kept from the diff to the commit, and its objects are copied by every young-generation collection.
  const joinedLists = new Map<readonly string[], string>();
  const joined = (names: readonly string[]): string => {
    let out = joinedLists.get(names);
    if (out === undefined) joinedLists.set(names, (out = names.join('、')));
    return out;
  };
  const firstLinks = { leadUnits: new Map(), supportUnits: new Map(), responsiblePeople: new Map(), leaders: new Map() } satisfies Record<LinkField, Map<readonly string[], FieldChange>>;
  const firstLink = (key: LinkField, names: readonly string[]): FieldChange => {
    let out = firstLinks[key].get(names);
    if (out === undefined) firstLinks[key].set(names, (out = Object.freeze({ field: key, label: linkLabels[key], before: '', after: joined(names) })));
    return out;
  };

  return rows.map((row, index) => {
    const project = projects.get(matches[index] ?? -1) ?? null;
    const names = {
      leadUnits: canonical(row.leadUnits),
      supportUnits: canonical(row.supportUnits),
      responsiblePeople: tidy(row.responsiblePeople),
      leaders: tidy(row.leaders),
    };
    // Made in one step (not a list of parts, then each part copied with what it replaces): a plan per row is kept.
    const narratives: RowPlan['narratives'] = row.unitProgress.length
      ? row.unitProgress.map((u) => {
          const unit = aliases.get(u.unit) ?? u.unit;
          return { unit, text: u.text, previous: narrativeNow(narrativesNow, project, unit) };
        })
      : row.progress
        ? [{ unit: null, text: row.progress, previous: narrativeNow(narrativesNow, project, null) }]
        : [];
    const rowIndicators = row.indicators.length === 0 ? noRowIndicators : row.indicators.map((i) => {
      const existing = project ? (indicators.get(`${project.id}\t${i.name}`) ?? null) : null;
      return { ...i, existing, previous: existing ? (valuesNow.get(existing.id) ?? null) : null };
    });

    const changes: FieldChange[] = [];
    let conflict: string | null = signed ? `报送期“${target.periodLabel}”已签发，不能再导入；如需更正请新建修订版。` : null;
    for (const key of linkFields) {
      // Names alike join alike: only names that differ are joined to be compared.
      if (names[key].length === 0 || (project && alike(project[key], names[key]))) continue;
      if (!project) {
        const change = firstLink(key, names[key]);
        if (change.after !== '') changes.push(change);
        continue;
      }
      const before = project[key].join('、');
      const after = joined(names[key]);
      if (before !== after) changes.push({ field: key, label: linkLabels[key], before, after });
    }
    for (const n of narratives) {
      const before = n.previous?.narrative ?? '';
      if (before !== n.text) changes.push({ field: 'progress', label: n.unit ? `进展（${n.unit}）` : '进展情况', before, after: n.text });
    }
    for (const i of rowIndicators) {
      if (i.actual === null) continue;
      const before = i.previous?.actual ?? null;
      if (before !== i.actual) {
        changes.push({ field: 'actual', label: `完成值（${i.name}）`, before: before === null ? '' : trimNumber(before), after: trimNumber(i.actual) });
      }
      const earlier = i.existing ? earlierActuals.get(i.existing.id)?.actual : undefined;
      if (earlier !== undefined && i.actual < earlier) {
        conflict ??= `“${i.name}”完成值从上期的 ${trimNumber(earlier)} 降为 ${trimNumber(i.actual)}，请核实后再导入。`;
      }
    }
    const kind: DiffKind = conflict ? 'conflict' : !project ? 'new' : changes.length ? 'changed' : 'unchanged';
    const previousStated = project ? (statedNow.get(project.id) ?? null) : null;
    const figures = conflict || !readWords ? noFigures : newFigures(row, project ? (byProject.get(project.id) ?? noIndicators) : noIndicators, known, previousStated, own.has(row));
    const last = project ? lastNarratives.get(project.id) : undefined;
    const sameAsLast = last !== undefined && row.progress.trim() !== '' && last === row.progress.trim();
    return {
      row,
      tasks: groups[index]?.tasks ?? [],
      project,
      names,
      narratives,
      indicators: rowIndicators,
      figures,
      previousStated,
      periodValues,
      entry: { sourceRow: row.sourceRow, kind, projectId: project?.id ?? null, seq: row.seq, title: project?.title ?? row.project, changes: compact(changes), conflict, figures, sameAsLast },
    };
  });
}

/** The narrative this period already holds for the project (and unit), which a row's would replace. */
function narrativeNow(now: Map<string, NarrativeRow>, project: Project | null, unit: string | null): NarrativeRow | null {
  return project ? (now.get(`${project.id}\t${unit ?? ''}`) ?? null) : null;
}

/** Every unit the rows name, normalized, each once; a list that rows share is read once. */
function unitsNamed(rows: readonly PreviewRow[]): Set<string> {
  const names = new Set<string>();
  const read = new Set<readonly string[]>();
  const add = (list: readonly string[]): void => {
    if (read.has(list)) return;
    read.add(list);
    for (const name of uniqueNames(list)) names.add(name);
  };
  for (const row of rows) {
    add(row.leadUnits);
    add(row.supportUnits);
    for (const u of row.unitProgress) {
      const name = normalizeName(u.unit);
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * A plan is kept from the diff to the commit, one per row: 100,000 rows must fit in 600 MB (issue #13). The
 * row's own names when the directory names them alike, rather than a copy of them; and an array pushed to
 * (which keeps room for 16 items) copied to its size.
 */
function same(names: string[], named: string[]): string[] {
  return alike(names, named) ? names : named;
}

function alike(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function compact<T>(items: T[]): T[] {
  return items.length === 0 ? [] : items.slice();
}

/** The whole progress each project reported in the period before this one, to flag a table sent again unchanged. */
async function previousNarratives(db: Kysely<Database>, reader: ImportReader, target: ImportTarget, ahead: ReadAhead['narratives']): Promise<Map<number, string>> {
  if (!target.plan) return new Map();
  const before = (await listPeriods(db, target.plan.id)).filter((p) => p.asOf < target.asOf).at(-1);
  if (!before) return new Map();
  // Most projects report one narrative: joined only when there are several (one per unit).
  const out = new Map<number, string>();
  const texts = ahead?.periodId === before.id ? ahead.texts : reader.narrativeTexts(before.id);
  // Indexed, not destructured (see import-reader's addLinks): one pass over 20,000 pairs, in code not yet compiled.
  for (let i = 0; i < texts.length; i++) {
    const projectId = texts[i]![0];
    const text = texts[i]![1].trim();
    const earlier = out.get(projectId);
    out.set(projectId, earlier === undefined ? text : `${earlier}\n${text}`);
  }
  return out;
}

/** What newFigures compares a row's figures with: the same for every row of one plan. */
interface KnownValues {
  year: number;
  valuesNow: Map<number, ValueRow>;
  earlierActuals: Map<number, { actual: number | null }>;
}

const noIndicators: readonly Indicator[] = Object.freeze([]);

/**
 * What the row's words propose that the ledger lacks: targets only for a project with no indicators, actuals
 * only where they differ from what the indicator has, a statement only when this period has none like it.
 * `mine`: the matched project's indicators in the ledger (none for a new project); `own`: the row is one of
 * the table's (a project of one row), so its figures were read from its own words.
 */
function newFigures(row: PreviewRow | FiguredRow, mine: readonly Indicator[], known: KnownValues, previousStated: StatedRow | null, own: boolean): RowFigures {
  // The preview already read a row with no indicators in the ledger; against existing ones, its reading serves
  // where they are its targets (a row of its own, not a project's rows merged: those were read as their first).
  const first = 'figures' in row ? row.figures : null;
  let read: RowFigures;
  if (mine.length > 0) read = figuresAgainst(row, own ? first : null, mine, known.year);
  else read = first ?? rowFigures(row, { year: known.year, existing: mine });
  const s = read.stated;
  const p = previousStated;
  const stated = s && p && p.share === s.share && p.done === s.done && p.words === s.span.text ? null : s;
  // What the words read, as it was, when the ledger has all of it still to get: a plan keeps one per row.
  let allNew = true;
  for (let n = 0; n < read.actuals.length && allNew; n++) allNew = isNewActual(read.actuals[n]!, known);
  if (stated === s && allNew) return read;
  return { targets: read.targets, actuals: read.actuals.filter((a) => isNewActual(a, known)), stated };
}

/**
 * Whether the ledger lacks this actual: not the indicator's value now, nor (with none now) its latest earlier.
 * A module function rather than a closure in newFigures, which every row calls.
 */
function isNewActual(a: RowFigures['actuals'][number], known: KnownValues): boolean {
  if (!('id' in a.indicator)) return true;
  const id = a.indicator.id;
  const now = a.unit === null ? known.valuesNow.get(id)?.actual : undefined;
  return now !== a.value && (now !== undefined || known.earlierActuals.get(id)?.actual !== a.value);
}

export function diffOf(target: ImportTarget, rows: RowPlan[]): ImportDiff {
  const counts = { new: 0, changed: 0, unchanged: 0, conflict: 0 };
  for (const r of rows) counts[r.entry.kind]++;
  return {
    plan: { id: target.plan?.id ?? null, year: target.planYear, name: target.planName },
    period: { id: target.period?.id ?? null, label: target.periodLabel, asOf: target.asOf },
    entries: rows.map((r) => r.entry),
    counts,
  };
}
