/**
 * How the preload turns relay results back into the LedgerApi the renderer uses.
 * No 'electron' import: preload.ts wires these to contextBridge/ipcRenderer; tests run them in `vm`.
 *
 * Why two paths: contextBridge copies an Error that crosses into the page as a fresh Error carrying only
 * its message, so a `code` set in the preload would be lost. With `contextBridge.executeInMainWorld`
 * (Electron ≥ 35) the preload installs `window.ledger` from a function that runs *in the page's world*,
 * so the Error (with `code`) is created there. If that API is missing or fails, `exposeInMainWorld`
 * with `createLedgerApi` is the fallback: messages survive, codes do not.
 */
import type { LedgerApi } from '../../shared/api/contract';
import { fromErrorPayload } from '../../shared/errors';

/** The channel main listens on. */
export const ledgerChannel = 'ledger:call';
/** The global the renderer reads (`window.ledger`). */
export const ledgerGlobal = 'ledger';

export type Invoke = (method: string, input: unknown) => Promise<unknown>;

/** Fallback API for exposeInMainWorld: rejects with an Error whose message is the Chinese text. */
export function createLedgerApi(invoke: Invoke) {
  return {
    async call(method, input) {
      const reply = (await invoke(method, input)) as { ok?: unknown; value?: unknown; error?: unknown } | null;
      if (reply && reply.ok === true) return reply.value as never;
      const error = fromErrorPayload(reply?.error);
      throw Object.assign(new Error(error.message), { name: 'LedgerError', code: error.code });
    },
  } satisfies LedgerApi;
}

/**
 * Runs in the page's main world (serialized by Electron: it must not use anything from outside its body).
 * Defines a frozen, non-writable `window.ledger` whose `call` rejects with an Error that has `code`.
 * Returns true when it installed the API.
 */
export function installLedgerInMainWorld(globalName: string, invoke: (method: string, input: unknown) => Promise<unknown>): boolean {
  const target = globalThis as unknown as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(target, globalName)) return false;
  const fallbackMessage = '收到无法识别的错误响应。';
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const reply = (await invoke(method, input)) as { ok?: unknown; value?: unknown; error?: unknown } | null;
    if (reply && reply.ok === true) return reply.value;
    const payload = (reply && typeof reply.error === 'object' && reply.error !== null ? reply.error : {}) as {
      code?: unknown;
      message?: unknown;
    };
    const valid = typeof payload.code === 'string' && typeof payload.message === 'string';
    const error = new Error(valid ? (payload.message as string) : fallbackMessage) as Error & { code: string };
    error.name = 'LedgerError';
    error.code = valid ? (payload.code as string) : 'INTERNAL';
    throw error;
  };
  Object.defineProperty(target, globalName, {
    value: Object.freeze({ call }),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  return true;
}
