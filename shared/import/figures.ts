import { readFigures, sharedFiguresOf, type KnownIndicator, type ProposedActual, type ProposedTarget, type RowFigures } from '../text/figures';
import type { PreviewRow, TablePreview } from '../types/preview';

/**
 * The figures each imported row's words propose (issue #10), beside what the columns gave. A row whose
 * table has indicator columns is left to them: its figures are the table's own.
 */
export type FiguredRow = PreviewRow & { figures: RowFigures };

export const noFigures: RowFigures = Object.freeze({ targets: [], actuals: [], stated: null }) as RowFigures;

export interface RowFigureContext {
  year: number;
  /** The matched project's indicators in the ledger. */
  existing?: readonly KnownIndicator[];
}

export function rowFigures(row: PreviewRow, context: RowFigureContext): RowFigures {
  if (row.indicators.length > 0) return noFigures;
  const goal = row.task || row.project;
  if (goal === '' && row.progress === '') return noFigures;
  return readFigures({ goal, progress: row.progress, unitProgress: row.unitProgress }, context);
}

/** The year figures are read in: the as-of date's, else the title's, else the one given. */
export function figureYear(table: Pick<TablePreview, 'asOf' | 'title'>, fallback: number): number {
  if (table.asOf) return Number(table.asOf.slice(0, 4));
  const m = /(20\d\d)\s*年/.exec(table.title ?? '');
  return m ? Number(m[1]) : fallback;
}

/**
 * Each row with its figures. Rows whose words give the same figures share one frozen reading
 * (sharedFigures), as the figured table is itself kept and shared (understood.ts): never to be changed.
 */
export function withFigures<T extends TablePreview>(table: T, year: number): Omit<T, 'rows'> & { rows: FiguredRow[] } {
  // One loop, rowFigures' test for a row left to its columns written in it, rather than a callback and a
  // helper per row: every function a row calls is compiled again, with all it calls, once it is hot, and
  // that compiling is most of the first call's process CPU.
  const rows: FiguredRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    const goal = row.task || row.project;
    const figures = row.indicators.length > 0 || (goal === '' && row.progress === '') ? noFigures : sharedFiguresOf(goal, row.progress, row.unitProgress, year);
    rows.push({ ...row, figures });
  }
  return { ...table, rows };
}

/** What a person accepted of one row's figures, by key; a number given replaces the one read. */
export interface RowFigureAcceptance {
  sourceRow: number;
  targets: { key: string; target?: number | null }[];
  actuals: { key: string; value?: number }[];
  stated: boolean;
}

/** 'all': every proposed figure (`ledger import --accept-figures`); absent: none. */
export type FigureAcceptance = 'all' | RowFigureAcceptance[];

export interface AcceptedFigures {
  targets: ProposedTarget[];
  actuals: ProposedActual[];
  stated: RowFigures['stated'];
}

/**
 * The figures of one row to write: those accepted, with numbers as edited. An actual of a proposed target
 * that was not accepted has nothing to belong to and is dropped.
 */
export function acceptedFigures(figures: RowFigures, sourceRow: number, acceptance: FigureAcceptance | undefined): AcceptedFigures {
  return figureAcceptor(acceptance)(figures, sourceRow);
}

/**
 * acceptedFigures for every row of one commit: the person's choices are indexed by row once, as the
 * wizard may send one for each of 20,000 rows (a search per row would be quadratic).
 */
export function figureAcceptor(acceptance: FigureAcceptance | undefined): (figures: RowFigures, sourceRow: number) => AcceptedFigures {
  if (acceptance === undefined) return () => ({ targets: [], actuals: [], stated: null });
  if (acceptance === 'all') return (figures) => ({ targets: figures.targets, actuals: figures.actuals, stated: figures.stated });
  const bySourceRow = new Map<number, RowFigureAcceptance>();
  // The first choice for a row wins, as a search from the start would find it.
  for (const a of acceptance) if (!bySourceRow.has(a.sourceRow)) bySourceRow.set(a.sourceRow, a);
  return (figures, sourceRow) => accepted(figures, bySourceRow.get(sourceRow));
}

function accepted(figures: RowFigures, row: RowFigureAcceptance | undefined): AcceptedFigures {
  if (!row) return { targets: [], actuals: [], stated: null };
  const targets: ProposedTarget[] = [];
  for (const a of row.targets) {
    const t = figures.targets.find((x) => x.key === a.key);
    if (t) targets.push(a.target === undefined ? t : { ...t, target: a.target });
  }
  const kept = new Set(targets.map((t) => t.key));
  const actuals: ProposedActual[] = [];
  for (const a of row.actuals) {
    const x = figures.actuals.find((y) => y.key === a.key);
    if (!x || ('target' in x.indicator && !kept.has(x.indicator.target))) continue;
    actuals.push(a.value === undefined ? x : { ...x, value: a.value });
  }
  return { targets, actuals, stated: row.stated ? figures.stated : null };
}
