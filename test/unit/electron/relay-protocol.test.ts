import { describe, expect, it } from 'vitest';
import {
  PendingCalls,
  defaultTimeoutMs,
  isCallResult,
  isHostMessage,
  isHostRequest,
  type Timers,
} from '../../../electron/backend/relay-protocol';

/** Timers driven by the test: `fire()` runs every pending callback. */
function manualTimers(): Timers & { fire(): void; count(): number } {
  const scheduled = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (callback) => {
      const id = next++;
      scheduled.set(id, callback);
      return id;
    },
    clearTimeout: (handle) => void scheduled.delete(handle as number),
    fire: () => {
      const callbacks = [...scheduled.values()];
      scheduled.clear();
      for (const callback of callbacks) callback();
    },
    count: () => scheduled.size,
  };
}

describe('PendingCalls', () => {
  it('gives each call a fresh id and settles it with its reply', async () => {
    const timers = manualTimers();
    const pending = new PendingCalls(() => 1000, timers);
    const a = pending.open('plans.list', {});
    const b = pending.open('plans.create', { year: 2024 });
    expect(a.request).toEqual({ kind: 'call', id: 1, method: 'plans.list', input: {} });
    expect(b.request.id).toBe(2);
    expect(pending.size).toBe(2);
    expect(pending.settle(2, { ok: true, value: 'B' })).toBe(true);
    expect(pending.settle(1, { ok: false, error: { code: 'NOT_FOUND', message: '没有' } })).toBe(true);
    await expect(b.result).resolves.toEqual({ ok: true, value: 'B' });
    await expect(a.result).resolves.toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有' } });
    expect(pending.size).toBe(0);
    expect(timers.count()).toBe(0);
  });

  it('ignores replies to unknown or already settled ids', () => {
    const pending = new PendingCalls(() => 1000, manualTimers());
    const { request } = pending.open('plans.list', {});
    expect(pending.settle(99, { ok: true, value: null })).toBe(false);
    expect(pending.settle(request.id, { ok: true, value: null })).toBe(true);
    expect(pending.settle(request.id, { ok: true, value: null })).toBe(false);
  });

  it('fails a call that times out with a Chinese INTERNAL error, and drops its late reply', async () => {
    const timers = manualTimers();
    const pending = new PendingCalls(() => 60_000, timers);
    const { request, result } = pending.open('plans.list', {});
    timers.fire();
    const settled = await result;
    expect(settled.ok).toBe(false);
    if (!settled.ok) {
      expect(settled.error.code).toBe('INTERNAL');
      expect(settled.error.message).toContain('60 秒');
    }
    expect(pending.settle(request.id, { ok: true, value: 1 })).toBe(false);
  });

  it('fails every call in flight at once', async () => {
    const timers = manualTimers();
    const pending = new PendingCalls(() => 1000, timers);
    const calls = [pending.open('a', 1), pending.open('b', 2)];
    expect(pending.failAll({ code: 'INTERNAL', message: '后台退出' })).toBe(2);
    for (const call of calls) await expect(call.result).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: '后台退出' } });
    expect(timers.count()).toBe(0);
  });

  it('gives imports and exports a longer timeout', () => {
    expect(defaultTimeoutMs('plans.list')).toBe(60_000);
    expect(defaultTimeoutMs('import.commit')).toBe(600_000);
    expect(defaultTimeoutMs('export.table')).toBe(600_000);
  });
});

describe('message guards', () => {
  it('accepts well-formed messages only', () => {
    expect(isHostRequest({ kind: 'call', id: 1, method: 'plans.list', input: {} })).toBe(true);
    expect(isHostRequest({ kind: 'shutdown' })).toBe(true);
    expect(isHostRequest({ kind: 'call', id: 0, method: 'x' })).toBe(false);
    expect(isHostRequest({ kind: 'call', id: 1.5, method: 'x' })).toBe(false);
    expect(isHostRequest({ kind: 'call', id: 1, method: 3 })).toBe(false);
    expect(isHostRequest(null)).toBe(false);
    expect(isHostMessage({ kind: 'result', id: 3, result: { ok: true, value: [] } })).toBe(true);
    expect(isHostMessage({ kind: 'result', id: 3, result: { ok: false, error: { code: 'NOPE', message: 'x' } } })).toBe(false);
    expect(isHostMessage({ kind: 'ready' })).toBe(true);
    expect(isHostMessage({ kind: 'ready', error: { code: 'DB_TOO_NEW', message: '新' } })).toBe(true);
    expect(isHostMessage({ kind: 'closed' })).toBe(true);
    expect(isHostMessage({ kind: 'other' })).toBe(false);
    expect(isCallResult({ ok: true })).toBe(false);
    expect(isCallResult({ ok: true, value: undefined })).toBe(true);
  });
});
