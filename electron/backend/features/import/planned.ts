import { LedgerError } from '../../../../shared/errors';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { TablePreview } from '../../../../shared/import/understand';
import type { BackendContext } from '../../context';
import { planRows, type RowPlan } from './plan-rows';
import { resolveTarget, type ImportTarget } from './target';
import { tableWithFigures, understoodTable, type Understood } from './understood';
import { takeReadAhead } from './prefetch';
import { ledgerVersion } from './version';

export { ledgerVersion };

/**
 * The diff's plan of the rows, kept for the commit that follows it: planning 20,000 rows against the ledger
 * is a good part of an import, and between the diff and the commit nothing has usually changed. It is used
 * only if nothing has: the commit checks the ledger's version under its write lock, and plans again if any
 * connection wrote in between.
 */
export interface Planned {
  /** The understood table it was planned from (before its words were read). */
  source: TablePreview;
  table: TablePreview;
  target: ImportTarget;
  rows: RowPlan[];
  /** `ledgerVersion` when the planning began. */
  version: string;
}

type TargetInput = ParsedInput<'import.diff'>;

const plannedKey = (input: TargetInput) => `planned\t${JSON.stringify([input.planId ?? null, input.asOf ?? null])}`;

/** The staged file's table, refused when it holds no row to import. */
export async function tableToImport(ctx: BackendContext, input: TargetInput): Promise<Understood> {
  const understood = await understoodTable(ctx, input);
  if (understood.table.rows.length === 0) {
    throw new LedgerError('IMPORT_EMPTY', `“${ctx.staging.get(input.stagingId).fileName}”的工作表“${understood.read.sheet}”中没有可导入的数据行。`);
  }
  return understood;
}

/** What importing the staged file into the target would do, with the figures its words propose. */
export async function plannedImport(ctx: BackendContext, input: TargetInput): Promise<Planned> {
  const { table: source } = await tableToImport(ctx, input);
  const version = ledgerVersion(ctx.ledger.sqlite);
  const kept = keptPlan(ctx, input, source);
  if (kept && kept.version === version) return kept;
  const table = tableWithFigures(source, Number(ctx.now().slice(0, 4)));
  const target = await resolveTarget(ctx.db, table, input);
  // What the preview read ahead while the file was parsed, if the ledger is still as it was then.
  const ledger = { db: ctx.db, sqlite: ctx.ledger.sqlite, ahead: takeReadAhead(ctx.ledger.sqlite, version) };
  const planned: Planned = { source, table, target, rows: await planRows(ledger, table, target), version };
  ctx.staging.memo(input.stagingId).set(plannedKey(input), planned);
  return planned;
}

/** The plan the diff made of this table for this target, if one was made (still to be checked against the ledger). */
export function keptPlan(ctx: BackendContext, input: TargetInput, source: TablePreview): Planned | null {
  const kept = ctx.staging.memo(input.stagingId).get(plannedKey(input)) as Planned | undefined;
  return kept && kept.source === source ? kept : null;
}
