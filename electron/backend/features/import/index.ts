import { LedgerError } from '../../../../shared/errors';
import { listBatches } from '../../../../db/repositories/import-batches';
import type { ImportStage } from '../../../../shared/domain';
import type { BackendContext, Handlers } from '../../context';
import { backupBeforeImport } from '../backups';
import { commitImport } from './commit';
import { diffOf } from './plan-rows';
import { keptPlan, ledgerVersion, plannedImport, tableToImport } from './planned';
import { readAhead } from './prefetch';
import { previewImport } from './preview';
import { resolveTarget } from './target';
import { tableWithFigures } from './understood';
import { undoImport } from './undo';

function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/=\r\n]*$/.test(text)) throw new LedgerError('INVALID_INPUT', '文件内容的编码不正确，请重新选择文件。');
  return Buffer.from(text, 'base64');
}

/**
 * Stages a file and begins parsing it at once: the wizard previews a file as soon as it is staged, and the
 * command line commits it. The ledger is read ahead meanwhile, as a read that waits for a parse does.
 */
export function stageFile(ctx: BackendContext, fileName: string, bytes: Uint8Array, sheet?: string): Promise<ImportStage> {
  return ctx.staging.stageReading(fileName, bytes, { ...(sheet !== undefined ? { sheet } : {}), whileParsing: () => readAhead(ctx.ledger.sqlite) });
}

export const importHandlers = {
  'import.stage': async ({ fileName, contentBase64, content, sheet }, ctx) => stageFile(ctx, fileName, content ?? decodeBase64(contentBase64 ?? ''), sheet),

  'import.preview': async (input, ctx) => previewImport(ctx, input),

  'import.diff': async (input, ctx) => {
    const { target, rows } = await plannedImport(ctx, input);
    return diffOf(target, rows);
  },

  'import.commit': async (input, ctx) => {
    const { read, table: source } = await tableToImport(ctx, input);
    const staged = ctx.staging.get(input.stagingId);
    // The diff's plan, if the wizard made one and the ledger is as it was; else the words are read only when
    // some figure is to be written.
    const kept = keptPlan(ctx, input, source);
    const reuse = kept && kept.version === ledgerVersion(ctx.ledger.sqlite) ? kept : null;
    const table = reuse?.table ?? (input.figures !== undefined ? tableWithFigures(source, Number(ctx.now().slice(0, 4))) : source);
    const target = reuse?.target ?? (await resolveTarget(ctx.db, table, input));
    await backupBeforeImport(ctx);
    const file = { fileName: staged.fileName, sha256: staged.sha256, format: read.format, sheet: read.sheet };
    const batch = await commitImport(ctx, file, table, target, input.figures, reuse);
    ctx.staging.drop(input.stagingId);
    return batch;
  },

  'import.batches': async ({ planId }, ctx) => listBatches(ctx.db, planId),

  'import.undo': async ({ batchId }, ctx) => undoImport(ctx, batchId),
} satisfies Partial<Handlers>;
