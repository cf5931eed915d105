import { LedgerError } from '../../../shared/errors';
import type { BackupInfo, BackupKind } from '../../../shared/domain';
import { backupLedger, backupsDir, listBackups } from '../../../db/backups';
import type { BackendContext, Handlers } from '../context';

/** A ledger without a plan has nothing worth copying. */
function isEmpty(ctx: BackendContext): boolean {
  return ctx.ledger.sqlite.prepare('SELECT 1 FROM plans LIMIT 1').get() === undefined;
}

function copy(ctx: BackendContext, kind: BackupKind): string {
  try {
    return backupLedger(ctx.ledger.sqlite, ctx.ledger.file, kind, { now: new Date(ctx.now()) });
  } catch (error) {
    const what = kind === 'import' ? '导入前无法备份台账，未导入任何内容' : '无法备份台账';
    throw new LedgerError('INTERNAL', `${what}：请检查“${backupsDir(ctx.ledger.file)}”所在磁盘的空间和权限。`, { cause: error });
  }
}

/** DESIGN §7: a copy before every import, so even an import that is no longer undoable can be rolled back by hand. */
export function backupBeforeImport(ctx: BackendContext): void {
  if (!isEmpty(ctx)) copy(ctx, 'import');
}

/**
 * The first start of each day keeps a copy (the last 7 are kept). A failure here must not keep the office from
 * its work: it shows in 设置 as a latest copy that is getting old.
 */
export function dailyBackup(ctx: BackendContext): BackupInfo | null {
  const today = ctx.now().slice(0, 10);
  if (isEmpty(ctx) || listBackups(ctx.ledger.file).some((b) => b.kind === 'daily' && b.at.slice(0, 10) === today)) return null;
  try {
    copy(ctx, 'daily');
  } catch {
    return null;
  }
  return listBackups(ctx.ledger.file)[0] ?? null;
}

export const backupHandlers = {
  'backups.list': async (_input, ctx) => ({ dir: backupsDir(ctx.ledger.file), backups: listBackups(ctx.ledger.file) }),
  'backups.create': async (_input, ctx) => {
    const file = copy(ctx, 'manual');
    return listBackups(ctx.ledger.file).find((b) => b.file === file)!;
  },
} satisfies Partial<Handlers>;
