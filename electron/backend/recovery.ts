import path from 'node:path';
import { validateCall } from '../../shared/api/validate';
import { LedgerError } from '../../shared/errors';
import type { RecoveryState } from '../../shared/domain';
import { backupsDir, listBackups } from '../../db/backups';
import { openLedgerDatabase } from '../../db/open';
import { openBackend, type Backend, type BackendOptions } from './backend';
import { restoreOverDamaged } from './restore-damaged';

/** What makes a ledger worth restoring from its backups: it is ours, or was, but cannot be read any more. */
const damage = new Set(['DB_CORRUPT']);

/**
 * The backend, or — when the ledger is damaged — a backend that can only list the backups beside it and restore
 * one (the app then shows its recovery screen); once a backup is restored it opens the ledger and answers
 * everything as usual. Anything else that keeps the ledger from opening is thrown as before.
 */
export async function openBackendOrRecovery(options: BackendOptions): Promise<Backend> {
  try {
    return await openBackend(options);
  } catch (error) {
    if (!(error instanceof LedgerError) || !damage.has(error.code)) throw error;
    return recoveryBackend(options, error);
  }
}

function recoveryBackend(options: BackendOptions, failure: LedgerError): Backend {
  const dbFile = path.resolve(options.dbPath);
  let restored: Backend | null = null;
  const state = (): RecoveryState => ({
    damaged: true,
    dbPath: dbFile,
    code: failure.code,
    message: failure.message,
    backupsDir: backupsDir(dbFile),
    backups: listBackups(dbFile),
  });
  return {
    dbPath: dbFile,
    async call(method, input) {
      if (restored) return restored.call(method, input);
      const call = validateCall(method, input);
      switch (call.method as string) {
        case 'app.recovery':
          return state();
        case 'backups.list':
          return { dir: backupsDir(dbFile), backups: listBackups(dbFile) };
        case 'backups.restore': {
          const { file } = validateCall<'backups.restore'>(method, input).input;
          const aside = await restoreOverDamaged(dbFile, file, (candidate, work) =>
            openLedgerDatabase(candidate, { backupDir: work }).sqlite.close(),
          );
          restored = await openBackend(options);
          return aside;
        }
        default:
          throw failure;
      }
    },
    close: () => restored?.close(),
  };
}
