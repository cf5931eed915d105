import { LedgerError } from '../../../../shared/errors';
import type { ParsedInput } from '../../../../shared/api/contract';
import { listBatches } from '../../../../db/repositories/import-batches';
import type { BackendContext, Handlers } from '../../context';
import { backupBeforeImport } from '../backups';
import { commitImport } from './commit';
import { diffOf, planRows } from './plan-rows';
import { previewImport } from './preview';
import { resolveTarget } from './target';
import { undoImport } from './undo';

function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/=\r\n]*$/.test(text)) throw new LedgerError('INVALID_INPUT', '文件内容的编码不正确，请重新选择文件。');
  return Buffer.from(text, 'base64');
}

async function understood(ctx: BackendContext, input: ParsedInput<'import.diff'>, figures = true) {
  const preview = await previewImport(ctx, input, { figures });
  if (preview.rows.length === 0) throw new LedgerError('IMPORT_EMPTY', `“${preview.fileName}”的工作表“${preview.sheet}”中没有可导入的数据行。`);
  return { preview, target: await resolveTarget(ctx.db, preview, input) };
}

export const importHandlers = {
  'import.stage': async ({ fileName, contentBase64, content }, ctx) =>
    ctx.staging.stage(fileName, content ?? decodeBase64(contentBase64 ?? '')),

  'import.preview': async (input, ctx) => previewImport(ctx, input),

  'import.diff': async (input, ctx) => {
    const { preview, target } = await understood(ctx, input);
    return diffOf(target, await planRows(ctx.db, preview, target));
  },

  'import.commit': async (input, ctx) => {
    const { preview, target } = await understood(ctx, input, input.figures !== undefined);
    const staged = ctx.staging.get(input.stagingId);
    backupBeforeImport(ctx);
    const batch = await commitImport(ctx, { fileName: staged.fileName, sha256: staged.sha256, format: preview.format, sheet: preview.sheet }, preview, target, input.figures);
    ctx.staging.drop(input.stagingId);
    return batch;
  },

  'import.batches': async ({ planId }, ctx) => listBatches(ctx.db, planId),

  'import.undo': async ({ batchId }, ctx) => undoImport(ctx, batchId),
} satisfies Partial<Handlers>;
