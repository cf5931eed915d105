import os from 'node:os';
import { maxStagedBase64 } from '../../shared/api/contract';
import { validateCall } from '../../shared/api/validate';
import type { ImportStage } from '../../shared/domain';
import { LedgerError } from '../../shared/errors';
import { openLedgerDatabase } from '../../db/open';
import type { BackendContext, Handler, Handlers } from './context';
import { appHandlers } from './features/app';
import { backupHandlers, dailyBackup } from './features/backups';
import { bulletinHandlers } from './features/bulletin';
import { consolidateHandlers } from './features/consolidate';
import { directoryHandlers } from './features/directory';
import { importHandlers, stageFile } from './features/import';
import { signOffCheckHandlers } from './features/signoff/check';
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
import { discardPrestartedParser, prestartParseWorker } from './import/worker';
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
  ...bulletinHandlers,
  ...signOffCheckHandlers,
};

export interface BackendOptions {
  dbPath: string;
  actor?: string;
  appVersion?: string;
  now?: () => Date;
  /** Start a parsing thread now, for files to come: a long-lived backend (the desktop app's, `ledger serve`), `ledger import`. */
  prestartParser?: boolean;
}

export interface Backend {
  /** Validates the input against the contract, runs the method, and throws LedgerError on failure. */
  call(method: unknown, input: unknown): Promise<unknown>;
  close(): void;
  readonly dbPath: string;
  /**
   * `import.stage` with the file's bytes rather than their base64 (the bridge decodes an upload straight
   * from the request body, so a 100 MB file is never held as a 140 MB string too). Same checks, same result.
   */
  stageBytes?(fileName: string, bytes: Uint8Array): Promise<ImportStage>;
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  // First, so that the thread starts while the ledger opens.
  if (options.prestartParser) prestartParseWorker();
  const openFile: BackendContext['openFile'] = (file, extra = {}) => openLedgerDatabase(file, extra);
  const ledger = openFile(options.dbPath);
  const clock = options.now ?? (() => new Date());
  // The name set in 设置 wins over the operating system's account name.
  const fallbackActor = options.actor ?? localUserName();
  const ctx: BackendContext = {
    db: ledger.db,
    ledger,
    actor: fallbackActor,
    appVersion: options.appVersion ?? appVersion,
    staging: new Staging(),
    now: () => clock().toISOString(),
    openFile,
    async reconnect(whileClosed) {
      ctx.ledger.sqlite.close();
      try {
        whileClosed();
      } finally {
        ctx.ledger = openFile(options.dbPath);
        ctx.db = ctx.ledger.db;
        ctx.actor = (await readSettings(ctx.db, fallbackActor)).userName;
      }
    },
  };
  ctx.actor = (await readSettings(ledger.db, fallbackActor)).userName;
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
    async stageBytes(fileName, bytes) {
      // The name is checked by the contract as for import.stage; the size against the same limit.
      const call = validateCall('import.stage', { fileName, contentBase64: '' });
      if (bytes.byteLength > (maxStagedBase64 / 4) * 3) throw new LedgerError('INVALID_INPUT', '文件超过 100 MB，不能导入');
      return stageFile(ctx, (call.input as { fileName: string }).fileName, bytes);
    },
    close: () => {
      if (options.prestartParser) discardPrestartedParser();
      ctx.staging.close();
      ctx.ledger.sqlite.close();
    },
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
