import os from 'node:os';
import { validateCall } from '../../shared/api/validate';
import { LedgerError } from '../../shared/errors';
import { openLedgerDatabase } from '../../db/open';
import type { BackendContext, Handler, Handlers } from './context';
import { appHandlers } from './features/app';
import { backupHandlers, dailyBackup } from './features/backups';
import { consolidateHandlers } from './features/consolidate';
import { directoryHandlers } from './features/directory';
import { importHandlers } from './features/import';
import { Staging } from './features/import/staging';
import { indicatorHandlers } from './features/indicators';
import { periodHandlers } from './features/periods';
import { planHandlers } from './features/plans';
import { progressHandlers } from './features/progress';
import { projectHandlers } from './features/projects';
import { readSettings, settingsHandlers } from './features/settings';
import { signOffHandlers } from './features/signoff';
import { statusHandlers } from './features/status';
import { taskHandlers } from './features/tasks';
import { unitHandlers } from './features/units';
import { appVersion } from './version';

/** Every method of the contract, implemented once; the compiler checks none is missing. */
const handlers: Handlers = {
  ...appHandlers,
  ...backupHandlers,
  ...directoryHandlers,
  ...planHandlers,
  ...projectHandlers,
  ...indicatorHandlers,
  ...periodHandlers,
  ...progressHandlers,
  ...statusHandlers,
  ...settingsHandlers,
  ...unitHandlers,
  ...taskHandlers,
  ...importHandlers,
  ...signOffHandlers,
  ...consolidateHandlers,
};

export interface BackendOptions {
  dbPath: string;
  nativeBinding?: string;
  actor?: string;
  appVersion?: string;
  now?: () => Date;
}

export interface Backend {
  /** Validates the input against the contract, runs the method, and throws LedgerError on failure. */
  call(method: unknown, input: unknown): Promise<unknown>;
  close(): void;
  readonly dbPath: string;
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const ledger = openLedgerDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const clock = options.now ?? (() => new Date());
  const ctx: BackendContext = {
    db: ledger.db,
    ledger,
    actor: options.actor ?? '',
    appVersion: options.appVersion ?? appVersion,
    staging: new Staging(),
    now: () => clock().toISOString(),
  };
  // The name set in 设置 wins over the operating system's account name.
  ctx.actor = (await readSettings(ledger.db, options.actor ?? localUserName())).userName;
  dailyBackup(ctx);
  return {
    dbPath: ledger.file,
    async call(method, input) {
      const call = validateCall(method, input);
      try {
        return await (handlers[call.method] as Handler<typeof call.method>)(call.input, ctx);
      } catch (error) {
        throw translateDbError(error);
      }
    },
    close: () => ledger.sqlite.close(),
  };
}

function localUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** SQLite's own errors reach a user only as a code and a plain Chinese sentence. */
function translateDbError(error: unknown): unknown {
  if (error instanceof LedgerError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new LedgerError('CONFLICT', '保存失败：数据与已有记录冲突或不完整，未做任何改动。', { cause: error });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LedgerError('DB_LOCKED', '数据库正被其他程序占用，请稍后重试。', { cause: error });
  }
  if (code === 'SQLITE_FULL') return new LedgerError('INTERNAL', '磁盘已满，保存失败，未做任何改动。', { cause: error });
  return new LedgerError('INTERNAL', `数据库出错（${code}），操作未完成。`, { cause: error });
}
