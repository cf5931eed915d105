import fs from 'node:fs';
import { LedgerError } from '../../../shared/errors';
import type { BackupInfo, BackupKind } from '../../../shared/domain';
import { backupLedger, backupLedgerOnline, backupsDir, listBackups } from '../../../db/backups';
import { withCheckedBackup } from '../checked-backup';
import type { BackendContext, Handlers } from '../context';

/** A ledger without a plan has nothing worth copying. */
function isEmpty(ctx: BackendContext): boolean {
  return ctx.ledger.sqlite.prepare('SELECT 1 FROM plans LIMIT 1').get() === undefined;
}

function copyFailed(ctx: BackendContext, kind: BackupKind, error: unknown): LedgerError {
  const what = kind === 'import' ? '导入前无法备份台账，未导入任何内容' : '无法备份台账';
  return new LedgerError('INTERNAL', `${what}：请检查“${backupsDir(ctx.ledger.file)}”所在磁盘的空间和权限。`, { cause: error });
}

function copy(ctx: BackendContext, kind: BackupKind): string {
  try {
    return backupLedger(ctx.ledger.sqlite, ctx.ledger.file, kind, { now: new Date(ctx.now()) });
  } catch (error) {
    throw copyFailed(ctx, kind, error);
  }
}

/**
 * DESIGN §7: a copy before every import, so even an import that is no longer undoable can be rolled back by hand.
 * Made just before the import's transaction, of what is committed then.
 */
export async function backupBeforeImport(ctx: BackendContext): Promise<void> {
  if (isEmpty(ctx)) return;
  try {
    await backupLedgerOnline(ctx.ledger.file, 'import', { now: new Date(ctx.now()) });
  } catch (error) {
    throw copyFailed(ctx, 'import', error);
  }
}

/**
 * The first start of each day keeps a copy (the last 7 are kept). A failure here must not keep the office from
 * its work: it shows in 设置 as a latest copy that is getting old.
 */
export function dailyBackup(ctx: BackendContext): void {
  const today = ctx.now().slice(0, 10);
  if (isEmpty(ctx) || listBackups(ctx.ledger.file).some((b) => b.kind === 'daily' && b.at.slice(0, 10) === today)) return;
  try {
    copy(ctx, 'daily');
  } catch {
    // Shown in 设置 by the latest daily copy's date; opening the ledger matters more than this copy.
  }
}

/**
 * Puts a backup back in place of the ledger. The copy is first opened on its own — checked, and brought up to
 * this version's schema — so a bad one is refused with the ledger untouched. The ledger as it was is kept as a
 * 恢复前 copy, so a restore can itself be undone the same way.
 */
async function restore(ctx: BackendContext, fileName: string): Promise<BackupInfo> {
  const dbFile = ctx.ledger.file;
  const check = (candidate: string, work: string) => ctx.openFile(candidate, { backupDir: work }).sqlite.close();
  return withCheckedBackup(dbFile, fileName, check, async (candidate) => {
    const safety = copy(ctx, 'restore');
    await ctx.reconnect(() => {
      // Our connection is closed; a WAL still there belongs to another window or command using this ledger.
      if (fs.existsSync(`${dbFile}-wal`)) {
        throw new LedgerError('DB_LOCKED', '台账正被其他窗口或命令行使用，请先关闭它们再恢复。台账未做任何改动。');
      }
      try {
        fs.rmSync(`${dbFile}-shm`, { force: true });
        fs.renameSync(candidate, dbFile);
      } catch (error) {
        throw new LedgerError('DB_LOCKED', '无法替换台账文件（可能被杀毒软件或其他程序占用），台账未做任何改动，请稍后重试。', { cause: error });
      }
    });
    ctx.staging.clear();
    return listBackups(dbFile).find((b) => b.file === safety)!;
  });
}

export const backupHandlers = {
  'backups.list': async (_input, ctx) => ({ dir: backupsDir(ctx.ledger.file), backups: listBackups(ctx.ledger.file) }),
  'backups.create': async (_input, ctx) => {
    const file = copy(ctx, 'manual');
    return listBackups(ctx.ledger.file).find((b) => b.file === file)!;
  },
  'backups.restore': async ({ file }, ctx) => restore(ctx, file),
} satisfies Partial<Handlers>;
