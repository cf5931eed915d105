import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/domain';
import { withCheckedBackup, type CheckCopy } from './checked-backup';

/**
 * Puts a backup in place of a ledger that will not open, without opening that ledger. The copy is checked first
 * (a bad one is refused, the ledger untouched); the damaged file, with its WAL, is copied aside beside it as
 * `<name>.damaged-<time>.sqlite` for support staff; then the checked copy replaces it in one rename, so a program
 * killed at any moment leaves either the damaged ledger or the restored one, never neither.
 */
export function restoreOverDamaged(dbFile: string, fileName: string, check: CheckCopy, now = new Date()): Promise<BackupInfo> {
  return withCheckedBackup(dbFile, fileName, check, (candidate) => {
    const aside = setAside(dbFile, now);
    try {
      for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
      fs.renameSync(candidate, dbFile);
    } catch (error) {
      throw new LedgerError('DB_LOCKED', '无法替换台账文件（可能被杀毒软件或其他程序占用），请关闭其他程序后重试。', { cause: error });
    }
    return { file: aside, kind: 'restore', at: now.toISOString(), bytes: fs.statSync(aside).size };
  });
}

function setAside(dbFile: string, now: Date): string {
  const stem = path.basename(dbFile, path.extname(dbFile));
  const aside = path.join(path.dirname(dbFile), `${stem}.damaged-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  try {
    if (fs.existsSync(dbFile)) fs.copyFileSync(dbFile, aside, fs.constants.COPYFILE_EXCL);
    else fs.writeFileSync(aside, '');
    if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${aside}-wal`);
  } catch (error) {
    fs.rmSync(aside, { force: true });
    throw new LedgerError('DB_OPEN_FAILED', `无法把损坏的台账另存到“${aside}”，未做任何改动。请检查磁盘空间和文件夹权限。`, { cause: error });
  }
  return aside;
}
