/**
 * How main drives the self-test through the page's own `window.ledger`: each call is a small script run in the
 * page's main world with webContents.executeJavaScript (no inspect fuse, no extra IPC door). Bytes cannot cross
 * executeJavaScript's JSON-like boundary into the page, so they travel as base64 and the page turns them back into
 * a Uint8Array before its window.ledger sends them over IPC — the same bytes path the import screen takes.
 * No 'electron' import: tests run these scripts in a vm context.
 */
import type { Caller } from './self-test';
import { base64Of } from './self-test';

const bytesKey = '__ledgerBytes';

function encode(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? { [bytesKey]: base64Of(value) } : value));
}

/** The script for one call; it resolves to `{ ok, value }` or `{ ok: false, code, message }`, never rejects. */
export function pageCallScript(method: string, input: unknown): string {
  return `(async () => {
  const input = JSON.parse(${JSON.stringify(encode(input))}, (key, value) =>
    value && typeof value === 'object' && typeof value.${bytesKey} === 'string'
      ? Uint8Array.from(atob(value.${bytesKey}), (c) => c.charCodeAt(0))
      : value);
  try {
    return { ok: true, value: await window.ledger.call(${JSON.stringify(method)}, input) };
  } catch (error) {
    return { ok: false, code: error && error.code, message: error && error.message ? String(error.message) : String(error) };
  }
})()`;
}

/** True when the page has exactly the preload's API and nothing of Node. */
export const pageProbeScript = `(() => typeof window.ledger === 'object' && window.ledger !== null &&
  typeof window.ledger.call === 'function' && typeof process === 'undefined' && typeof require === 'undefined')()`;

export type Execute = (script: string) => Promise<unknown>;

type Reply = { ok: true; value: unknown } | { ok: false; code?: unknown; message?: unknown };

/** A Caller whose calls run in the page. */
export function pageLedger(execute: Execute): Caller {
  return {
    async call(method, input) {
      const reply = (await execute(pageCallScript(method, input))) as Reply | null;
      if (reply && reply.ok === true) return reply.value as never;
      const message = reply && typeof reply.message === 'string' ? reply.message : '页面没有回应';
      throw Object.assign(new Error(message), { code: reply && typeof reply.code === 'string' ? reply.code : 'INTERNAL' });
    },
  };
}

/** The first self-test step in the app: the page came up with window.ledger from the preload. */
export function pageProbeStep(execute: Execute) {
  return {
    step: 'page',
    run: async () => {
      if ((await execute(pageProbeScript)) !== true) {
        throw new Error('页面中没有 window.ledger（预加载脚本未生效），或页面能访问 Node 的对象');
      }
    },
  };
}
