import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { startRelayHost } from '../../../electron/backend/relay-host';
import { BackendSupervisor, type ChildLike } from '../../../electron/main/backend-supervisor';
import { backendDrainMs, backendKillAfterMs, relayMessages, type HostRequest } from '../../../electron/backend/relay-protocol';

class FakeChild extends EventEmitter implements ChildLike {
  posted: HostRequest[] = [];
  killed = false;
  postMessage(message: HostRequest): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  lastCallId(): number {
    const call = [...this.posted].reverse().find((m) => m.kind === 'call');
    if (!call || call.kind !== 'call') throw new Error('no call posted');
    return call.id;
  }
  reply(id: number, value: unknown): void {
    this.emit('message', { kind: 'result', id, result: { ok: true, value } });
  }
  die(code = 1): void {
    this.emit('exit', code);
  }
}

function setup(crashWindowMs = 60_000) {
  const children: FakeChild[] = [];
  let now = 0;
  const events: string[] = [];
  const supervisor = new BackendSupervisor({
    spawn: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    now: () => now,
    crashWindowMs,
    onCrash: ({ restarting, failedCalls }) => events.push(`crash:${failedCalls}:${restarting}`),
    onGiveUp: ({ crashes }) => events.push(`give-up:${crashes}`),
    onOpenFailed: (error) => events.push(`open-failed:${error.code}`),
  });
  return { supervisor, children, events, advance: (ms: number) => (now += ms) };
}

describe('BackendSupervisor', () => {
  it('relays a call to the child and resolves with its reply', async () => {
    const { supervisor, children } = setup();
    supervisor.start();
    const result = supervisor.call('plans.list', {});
    const child = children[0]!;
    expect(child.posted).toEqual([{ kind: 'call', id: 1, method: 'plans.list', input: {} }]);
    child.reply(1, ['计划']);
    await expect(result).resolves.toEqual({ ok: true, value: ['计划'] });
  });

  it('starts the child lazily on the first call', async () => {
    const { supervisor, children } = setup();
    const result = supervisor.call('app.info', {});
    expect(children).toHaveLength(1);
    children[0]!.reply(children[0]!.lastCallId(), { version: '0.1.0' });
    await expect(result).resolves.toMatchObject({ ok: true });
  });

  it('restarts a crashed child once and fails the calls in flight with a Chinese message', async () => {
    const { supervisor, children, events, advance } = setup();
    supervisor.start();
    const inFlight = supervisor.call('plans.list', {});
    children[0]!.die(9);
    await expect(inFlight).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: relayMessages.crashed } });
    expect(children).toHaveLength(2);
    expect(supervisor.status).toBe('running');

    const next = supervisor.call('plans.list', {});
    children[1]!.reply(children[1]!.lastCallId(), []);
    await expect(next).resolves.toEqual({ ok: true, value: [] });

    // A second crash soon after: give up, tell the user, stop spawning.
    advance(1_000);
    const doomed = supervisor.call('plans.list', {});
    children[1]!.die(9);
    await expect(doomed).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: relayMessages.gaveUp } });
    expect(supervisor.status).toBe('gave-up');
    expect(children).toHaveLength(2);
    expect(events).toEqual(['crash:1:true', 'crash:1:false', 'give-up:2']);
    await expect(supervisor.call('plans.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: relayMessages.gaveUp },
    });
  });

  it('restarts again when the crashes are far apart', () => {
    const { supervisor, children, advance } = setup(60_000);
    supervisor.start();
    children[0]!.die();
    advance(120_000);
    children[1]!.die();
    expect(children).toHaveLength(3);
    expect(supervisor.status).toBe('running');
  });

  it('ignores messages from a replaced child and malformed messages', async () => {
    const { supervisor, children } = setup();
    supervisor.start();
    children[0]!.die();
    const result = supervisor.call('plans.list', {});
    const id = children[1]!.lastCallId();
    children[0]!.reply(id, 'stale');
    children[1]!.emit('message', { kind: 'result', id, result: { ok: 'yes' } });
    expect(supervisor.inFlight).toBe(1);
    children[1]!.reply(id, 'fresh');
    await expect(result).resolves.toEqual({ ok: true, value: 'fresh' });
  });

  it('reports a database that could not be opened', () => {
    const { supervisor, children, events } = setup();
    supervisor.start();
    children[0]!.emit('message', { kind: 'ready', error: { code: 'DB_TOO_NEW', message: '数据库版本比程序新' } });
    expect(events).toEqual(['open-failed:DB_TOO_NEW']);
  });

  it('shuts down gracefully: asks the child, waits for it, does not restart it', async () => {
    const { supervisor, children, events } = setup();
    supervisor.start();
    const child = children[0]!;
    const done = supervisor.shutdown(1_000);
    expect(child.posted).toEqual([{ kind: 'shutdown' }]);
    child.die(0);
    await done;
    expect(child.killed).toBe(false);
    expect(children).toHaveLength(1);
    expect(events).toEqual([]);
    expect(supervisor.status).toBe('closed');
    await expect(supervisor.call('plans.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: relayMessages.shuttingDown },
    });
  });

  it('kills a child that does not exit in time', async () => {
    const { supervisor, children } = setup();
    supervisor.start();
    await supervisor.shutdown(10);
    expect(children[0]!.killed).toBe(true);
    expect(supervisor.status).toBe('closed');
  });
});

/** The real relay host behind a child that main's supervisor talks to, on fake timers. */
function hostedChild(options: { closeHangs: boolean }) {
  const events: string[] = [];
  const toHost = new EventEmitter();
  const child = Object.assign(new EventEmitter(), {
    killed: false,
    postMessage: (message: HostRequest) => toHost.emit('message', { data: message }),
    kill() {
      events.push('killed');
      child.killed = true;
      return true;
    },
  });
  const backend: Backend = {
    dbPath: '/x',
    // A long import: still running when the app quits.
    call: () => new Promise(() => undefined),
    close: () => events.push('database closed'),
  };
  startRelayHost(
    { on: (_event, listener) => toHost.on('message', listener), postMessage: (message) => child.emit('message', message) },
    {
      env: { LEDGER_DB_PATH: '/x' },
      open: async () => backend,
      exit: (code) => {
        events.push(`exit ${code}`);
        if (!options.closeHangs) child.emit('exit', code);
      },
      log: () => undefined,
    },
  );
  const supervisor = new BackendSupervisor({ spawn: () => child });
  return { supervisor, child, events };
}

describe('quitting while a call is still running', () => {
  afterEach(() => vi.useRealTimers());

  it('main waits longer than the backend drains, so the backend closes the database and exits on its own', async () => {
    vi.useFakeTimers();
    expect(backendKillAfterMs).toBeGreaterThan(backendDrainMs);
    const { supervisor, child, events } = hostedChild({ closeHangs: false });
    supervisor.start();
    await vi.advanceTimersByTimeAsync(0);
    void supervisor.call('import.commit', {});
    const done = supervisor.shutdown();
    await vi.advanceTimersByTimeAsync(backendDrainMs - 1);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(events).toEqual(['database closed', 'exit 0']);
    expect(child.killed).toBe(false);
  });

  it('kills a backend that never exits, but only after the drain and the close had their time', async () => {
    vi.useFakeTimers();
    const { supervisor, child, events } = hostedChild({ closeHangs: true });
    supervisor.start();
    await vi.advanceTimersByTimeAsync(0);
    void supervisor.call('import.commit', {});
    const done = supervisor.shutdown();
    await vi.advanceTimersByTimeAsync(backendKillAfterMs - 1);
    expect(child.killed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(events).toEqual(['database closed', 'exit 0', 'killed']);
  });
});

