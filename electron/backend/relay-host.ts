/**
 * The backend's side of the relay, independent of how messages arrive: the utility process entry
 * (utility-host.ts) plugs in Electron's `process.parentPort`, tests plug in a fake port.
 * No Electron import here (lint forbids it in electron/backend).
 */
import type { Backend, BackendOptions } from './backend';
import { LedgerError, toErrorPayload, type ErrorPayload } from '../../shared/errors';
import {
  backendDrainMs,
  errorResult,
  isHostRequest,
  okResult,
  relayEnv,
  relayMessages,
  type CallResult,
  type HostMessage,
} from './relay-protocol';

/** The part of Electron's `process.parentPort` the host uses. */
export interface ParentPortLike {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export interface RelayHostOptions {
  env: NodeJS.ProcessEnv;
  open: (options: BackendOptions) => Promise<Backend>;
  /** Called once the database is closed after a shutdown request. */
  exit: (code: number) => void;
  log?: (message: string, detail?: unknown) => void;
  /** How long shutdown waits for calls still running before closing the database anyway. */
  drainMs?: number;
}

export function backendOptionsFromEnv(env: NodeJS.ProcessEnv): BackendOptions {
  const dbPath = env[relayEnv.dbPath];
  if (!dbPath) throw new LedgerError('DB_OPEN_FAILED', '没有指定数据库文件，无法启动后台。');
  // The desktop app's backend lives as long as its window: a parsing thread waits for the first file.
  const options: BackendOptions = { dbPath, prestartParser: true };
  const actor = env[relayEnv.actor];
  if (actor) options.actor = actor;
  const appVersion = env[relayEnv.appVersion];
  if (appVersion) options.appVersion = appVersion;
  return options;
}

export function startRelayHost(port: ParentPortLike, options: RelayHostOptions): { ready: Promise<void> } {
  const log = options.log ?? ((message, detail) => console.error(`[ledger-backend] ${message}`, detail ?? ''));
  const send = (message: HostMessage) => port.postMessage(message);
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  const opened: Promise<{ backend: Backend } | { error: ErrorPayload }> = (async () => {
    try {
      return { backend: await options.open(backendOptionsFromEnv(options.env)) };
    } catch (error) {
      if (!(error instanceof LedgerError)) log('打开数据库失败', error);
      return { error: toErrorPayload(error) };
    }
  })();

  const ready = opened.then((state) => send('error' in state ? { kind: 'ready', error: state.error } : { kind: 'ready' }));

  async function answer(id: number, method: string, input: unknown): Promise<void> {
    const state = await opened;
    let result: CallResult;
    if ('error' in state) {
      result = errorResult(state.error);
    } else {
      try {
        result = okResult(await state.backend.call(method, input));
      } catch (error) {
        if (!(error instanceof LedgerError)) log(`调用 ${method} 时出错`, error);
        result = errorResult(toErrorPayload(error));
      }
    }
    try {
      send({ kind: 'result', id, result });
    } catch (error) {
      // The value could not be cloned: still answer, so the caller is never left waiting.
      log(`无法回传 ${method} 的结果`, error);
      send({ kind: 'result', id, result: errorResult(toErrorPayload(error)) });
    }
  }

  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    const drain = Promise.allSettled([...inFlight]);
    await Promise.race([drain, new Promise((resolve) => setTimeout(resolve, options.drainMs ?? backendDrainMs).unref?.())]);
    const state = await opened;
    if ('backend' in state) {
      try {
        state.backend.close();
      } catch (error) {
        log('关闭数据库时出错', error);
      }
    }
    try {
      send({ kind: 'closed' });
    } finally {
      options.exit(0);
    }
  }

  port.on('message', ({ data }) => {
    if (!isHostRequest(data)) {
      log('收到无法识别的消息，已忽略');
      return;
    }
    if (data.kind === 'shutdown') {
      void shutdown();
      return;
    }
    if (closing) {
      send({ kind: 'result', id: data.id, result: errorResult({ code: 'INTERNAL', message: relayMessages.shuttingDown }) });
      return;
    }
    const task = answer(data.id, data.method, data.input).finally(() => inFlight.delete(task));
    inFlight.add(task);
  });

  return { ready };
}
