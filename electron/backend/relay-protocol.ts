/**
 * The messages between Electron's main process and the backend's utility process (DESIGN §3).
 * Shared by both sides, so it imports neither 'electron' nor the database: plain data and plain Node.
 *
 *   renderer ──ipc 'ledger:call'──▶ main ──{kind:'call', id, method, input}──▶ utility host ──▶ backend
 *   renderer ◀──── CallResult ───── main ◀──{kind:'result', id, result}─────── utility host ◀──┘
 *
 * Errors never cross as Error objects (Electron's structured clone mangles them): they cross as
 * `{ ok: false, error: { code, message } }`, and only the last hop (the preload) turns one back into an Error.
 */
import { isErrorCode, type ErrorPayload } from '../../shared/errors';

/** Environment variables main sets for the utility process. */
export const relayEnv = {
  dbPath: 'LEDGER_DB_PATH',
  actor: 'LEDGER_ACTOR',
  appVersion: 'LEDGER_APP_VERSION',
} as const;

/** What a call resolves to on every hop until the preload: never a thrown Error. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** main → utility host */
export type HostRequest =
  | { kind: 'call'; id: number; method: string; input: unknown }
  /** Close the database and exit. */
  | { kind: 'shutdown' };

/** utility host → main */
export type HostMessage =
  /** The database is open (or failed to open: every call will then answer with that error). */
  | { kind: 'ready'; error?: ErrorPayload }
  | { kind: 'result'; id: number; result: CallResult }
  /** Sent after the database has been closed in answer to `shutdown`. */
  | { kind: 'closed' };

export const okResult = (value: unknown): CallResult => ({ ok: true, value });
export const errorResult = (error: ErrorPayload): CallResult => ({ ok: false, error });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCallId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return isRecord(value) && isErrorCode(value.code) && typeof value.message === 'string';
}

export function isCallResult(value: unknown): value is CallResult {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && isErrorPayload(value.error);
}

export function isHostRequest(value: unknown): value is HostRequest {
  if (!isRecord(value)) return false;
  if (value.kind === 'shutdown') return true;
  return value.kind === 'call' && isCallId(value.id) && typeof value.method === 'string';
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'ready':
      return value.error === undefined || isErrorPayload(value.error);
    case 'result':
      return isCallId(value.id) && isCallResult(value.result);
    case 'closed':
      return true;
    default:
      return false;
  }
}

/** Chinese messages for failures of the relay itself (the backend's own errors carry their own text). */
export const relayMessages = {
  timeout: (seconds: number) => `操作超过 ${seconds} 秒仍未完成，已放弃等待。请重试；如果反复出现，请重新启动程序。`,
  crashed: '后台进程意外退出，刚才的操作可能没有完成，程序已自动重新启动后台。请检查结果后重试。',
  gaveUp: '后台进程多次意外退出，已停止运行。请关闭并重新启动程序；如仍出错，请把日志交给技术支持。',
  shuttingDown: '程序正在关闭，操作未执行。',
  forbidden: '拒绝了来自未知页面的请求。',
  notReady: '后台尚未就绪，请稍后重试。',
} as const;

/**
 * Closing: the backend waits up to `backendDrainMs` for calls still running, then closes the database and exits;
 * main kills it only after `backendKillAfterMs`, which leaves the drain plus time for the close itself (and for a
 * synchronous SQLite commit that holds the backend's event loop) — so quitting never kills a backend that is
 * still on its way to closing the database.
 */
export const backendDrainMs = 5_000;
export const backendKillAfterMs = backendDrainMs + 10_000;

/** How long main waits for one call before failing it. Imports and exports of big tables get longer. */
export function defaultTimeoutMs(method: string): number {
  if (/^(import|export|backup|restore|seal|verify)\./.test(method)) return 10 * 60_000;
  return 60_000;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Pending {
  method: string;
  resolve: (result: CallResult) => void;
  timer: unknown;
}

/**
 * Bookkeeping of calls in flight: each gets a fresh id and a promise that always resolves with a
 * CallResult — on the reply, on its timeout, or when the whole set is failed (the host died).
 */
export class PendingCalls {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly timeoutFor: (method: string) => number = defaultTimeoutMs,
    private readonly timers: Timers = realTimers,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Registers a call; returns the request to post and the promise of its result. */
  open(method: string, input: unknown): { request: Extract<HostRequest, { kind: 'call' }>; result: Promise<CallResult> } {
    const id = this.nextId++;
    const result = new Promise<CallResult>((resolve) => {
      const ms = this.timeoutFor(method);
      const timer = this.timers.setTimeout(() => {
        if (this.pending.delete(id)) {
          resolve(errorResult({ code: 'INTERNAL', message: relayMessages.timeout(Math.round(ms / 1000)) }));
        }
      }, ms);
      this.pending.set(id, { method, resolve, timer });
    });
    return { request: { kind: 'call', id, method, input }, result };
  }

  /** Settles the call a reply belongs to; false when it is unknown (timed out, or never sent). */
  settle(id: number, result: CallResult): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    this.timers.clearTimeout(entry.timer);
    entry.resolve(result);
    return true;
  }

  /** Fails every call in flight with the same error (the host died or the app is closing). */
  failAll(error: ErrorPayload): number {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) {
      this.timers.clearTimeout(entry.timer);
      entry.resolve(errorResult(error));
    }
    return entries.length;
  }
}
