import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../shared/errors';
import { listBackups } from '../../db/backups';

/** Opens a file the way the backend does, to check (and bring up to date) a copy before it is put in place. */
export type CheckCopy = (candidate: string, workDir: string) => void;

/**
 * Runs `use` on a copy of one of the ledger's backups, checked first: a bad one is refused with the ledger
 * untouched. The copy is made in a private folder beside the ledger, on the same disk, so that it can replace
 * the ledger in one rename; the folder is removed afterwards, whatever happens.
 */
export async function withCheckedBackup<T>(dbFile: string, fileName: string, check: CheckCopy, use: (candidate: string) => T | Promise<T>): Promise<T> {
  const chosen = listBackups(dbFile).find((b) => path.basename(b.file) === fileName);
  if (!chosen) throw new LedgerError('NOT_FOUND', `找不到备份“${fileName}”，请刷新备份列表后重试。`);
  const work = fs.mkdtempSync(path.join(path.dirname(dbFile), `.restore-${process.pid}-`));
  try {
    const candidate = path.join(work, path.basename(dbFile));
    fs.copyFileSync(chosen.file, candidate);
    try {
      check(candidate, work);
    } catch (error) {
      const reason = error instanceof LedgerError ? error.message : String(error);
      throw new LedgerError('DB_CORRUPT', `备份“${fileName}”无法使用，台账未做任何改动。（${reason}）`, { cause: error });
    }
    return await use(candidate);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
