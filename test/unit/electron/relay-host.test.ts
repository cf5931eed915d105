import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { backendOptionsFromEnv, startRelayHost } from '../../../electron/backend/relay-host';
import { relayMessages, type HostMessage } from '../../../electron/backend/relay-protocol';
import { LedgerError } from '../../../shared/errors';

function fakePort() {
  const emitter = new EventEmitter();
  const sent: HostMessage[] = [];
  return {
    sent,
    on: (event: 'message', listener: (e: { data: unknown }) => void) => emitter.on(event, listener),
    postMessage: (message: unknown) => sent.push(message as HostMessage),
    deliver: (data: unknown) => emitter.emit('message', { data }),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('relay host', () => {
  it('reads its options from the environment', () => {
    // A binding path from the environment is no option any more: better-sqlite3 13 loads its own prebuild.
    expect(backendOptionsFromEnv({ LEDGER_DB_PATH: '/d/l.sqlite', LEDGER_SQLITE_BINDING: '/b.node', LEDGER_APP_VERSION: '1.0.0' })).toEqual({
      dbPath: '/d/l.sqlite',
      appVersion: '1.0.0',
      prestartParser: true,
    });
    expect(() => backendOptionsFromEnv({})).toThrow(LedgerError);
  });

  it('answers calls, turns thrown errors into payloads, and hides internal errors', async () => {
    const port = fakePort();
    let closed = false;
    const backend: Backend = {
      dbPath: '/x',
      call: async (method) => {
        if (method === 'boom') throw new TypeError('secret internals');
        if (method === 'missing') throw new LedgerError('NOT_FOUND', '找不到');
        return { method };
      },
      close: () => void (closed = true),
    };
    const exits: number[] = [];
    const { ready } = startRelayHost(port, {
      env: { LEDGER_DB_PATH: '/x' },
      open: async () => backend,
      exit: (code) => exits.push(code),
      log: () => undefined,
    });
    await ready;
    port.deliver({ kind: 'call', id: 1, method: 'plans.list', input: {} });
    port.deliver({ kind: 'call', id: 2, method: 'missing', input: {} });
    port.deliver({ kind: 'call', id: 3, method: 'boom', input: {} });
    port.deliver({ kind: 'nonsense' });
    await flush();
    expect(port.sent[0]).toEqual({ kind: 'ready' });
    expect(port.sent.slice(1)).toEqual([
      { kind: 'result', id: 1, result: { ok: true, value: { method: 'plans.list' } } },
      { kind: 'result', id: 2, result: { ok: false, error: { code: 'NOT_FOUND', message: '找不到' } } },
      { kind: 'result', id: 3, result: { ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) } },
    ]);
    expect(JSON.stringify(port.sent)).not.toContain('secret internals');

    port.deliver({ kind: 'shutdown' });
    port.deliver({ kind: 'call', id: 4, method: 'plans.list', input: {} });
    await flush();
    expect(closed).toBe(true);
    expect(exits).toEqual([0]);
    expect(port.sent.slice(4)).toEqual([
      { kind: 'result', id: 4, result: { ok: false, error: { code: 'INTERNAL', message: relayMessages.shuttingDown } } },
      { kind: 'closed' },
    ]);
  });

  it('reports an open failure once and answers each call with it', async () => {
    const port = fakePort();
    const { ready } = startRelayHost(port, {
      env: { LEDGER_DB_PATH: '/x' },
      open: async () => {
        throw new LedgerError('DB_TOO_NEW', '数据库版本比程序新，请升级程序。');
      },
      exit: () => undefined,
      log: () => undefined,
    });
    await ready;
    port.deliver({ kind: 'call', id: 7, method: 'plans.list', input: {} });
    await flush();
    const error = { code: 'DB_TOO_NEW', message: '数据库版本比程序新，请升级程序。' };
    expect(port.sent).toEqual([
      { kind: 'ready', error },
      { kind: 'result', id: 7, result: { ok: false, error } },
    ]);
  });
});
