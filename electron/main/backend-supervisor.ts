/**
 * Runs the backend in a child (Electron's utilityProcess in the app; anything with the same shape in tests),
 * relays calls to it, and restarts it once if it dies. No 'electron' import: main.ts supplies `spawn`.
 */
import {
  PendingCalls,
  backendKillAfterMs,
  errorResult,
  isHostMessage,
  relayMessages,
  type CallResult,
  type HostRequest,
  type Timers,
} from '../backend/relay-protocol';
import type { ErrorPayload } from '../../shared/errors';

/** The part of Electron's UtilityProcess the supervisor uses. */
export interface ChildLike {
  postMessage(message: HostRequest): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface SupervisorOptions {
  spawn: () => ChildLike;
  /** Called once when the child keeps dying and the supervisor stops restarting it. */
  onGiveUp?: (info: { exitCode: number; crashes: number }) => void;
  /** Called whenever the child died unexpectedly (for logs). */
  onCrash?: (info: { exitCode: number; failedCalls: number; restarting: boolean }) => void;
  /** Called when the host reports that the database could not be opened. */
  onOpenFailed?: (error: ErrorPayload) => void;
  timeoutFor?: (method: string) => number;
  timers?: Timers;
  now?: () => number;
  /** A crash within this time of the previous one is a repeated crash: no more restarts. */
  crashWindowMs?: number;
}

type State = 'running' | 'stopped' | 'gave-up' | 'shutting-down' | 'closed';

export class BackendSupervisor {
  private child: ChildLike | null = null;
  private readonly pending: PendingCalls;
  private state: State = 'stopped';
  private lastCrashAt: number | null = null;
  private crashes = 0;
  private exitWaiters: Array<() => void> = [];

  constructor(private readonly options: SupervisorOptions) {
    this.pending = new PendingCalls(options.timeoutFor, options.timers);
  }

  get status(): State {
    return this.state;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  start(): void {
    if (this.state === 'running') return;
    const child = this.options.spawn();
    this.child = child;
    this.state = 'running';
    child.on('message', (message) => this.onMessage(child, message));
    child.on('exit', (code) => this.onExit(child, code));
  }

  /** Relays one (already validated) call; always resolves, never rejects. */
  call(method: string, input: unknown): Promise<CallResult> {
    if (this.state === 'gave-up') return Promise.resolve(errorResult({ code: 'INTERNAL', message: relayMessages.gaveUp }));
    if (this.state === 'shutting-down' || this.state === 'closed') {
      return Promise.resolve(errorResult({ code: 'INTERNAL', message: relayMessages.shuttingDown }));
    }
    if (this.state === 'stopped') this.start();
    const { request, result } = this.pending.open(method, input);
    try {
      this.child?.postMessage(request);
    } catch {
      this.pending.settle(request.id, errorResult({ code: 'INTERNAL', message: relayMessages.notReady }));
    }
    return result;
  }

  /**
   * Asks the host to close the database and exit; kills it if it has not exited within `graceMs`, which by default
   * outlasts the host's own drain (relay-protocol.ts) so a long import is not killed before the database is closed.
   */
  async shutdown(graceMs = backendKillAfterMs): Promise<void> {
    const child = this.child;
    if (this.state === 'closed' || this.state === 'shutting-down') {
      await this.waitForExit(graceMs);
      return;
    }
    const wasRunning = this.state === 'running' && child !== null;
    this.state = 'shutting-down';
    if (!wasRunning || !child) {
      this.state = 'closed';
      this.pending.failAll({ code: 'INTERNAL', message: relayMessages.shuttingDown });
      return;
    }
    try {
      child.postMessage({ kind: 'shutdown' });
    } catch {
      child.kill();
    }
    const exited = await this.waitForExit(graceMs);
    if (!exited) child.kill();
    this.pending.failAll({ code: 'INTERNAL', message: relayMessages.shuttingDown });
    this.state = 'closed';
  }

  private waitForExit(graceMs: number): Promise<boolean> {
    if (this.child === null) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timers = this.options.timers ?? { setTimeout, clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
      const timer = timers.setTimeout(() => resolve(false), graceMs);
      this.exitWaiters.push(() => {
        timers.clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private onMessage(child: ChildLike, message: unknown): void {
    if (child !== this.child || !isHostMessage(message)) return;
    if (message.kind === 'result') {
      this.pending.settle(message.id, message.result);
    } else if (message.kind === 'ready' && message.error) {
      this.options.onOpenFailed?.(message.error);
    }
  }

  private onExit(child: ChildLike, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    const waiters = this.exitWaiters;
    this.exitWaiters = [];
    for (const wake of waiters) wake();
    if (this.state === 'shutting-down' || this.state === 'closed') return;

    const now = (this.options.now ?? Date.now)();
    const window = this.options.crashWindowMs ?? 5 * 60_000;
    const repeated = this.lastCrashAt !== null && now - this.lastCrashAt < window;
    this.lastCrashAt = now;
    this.crashes += 1;
    const restarting = !repeated;
    const failedCalls = this.pending.failAll({
      code: 'INTERNAL',
      message: restarting ? relayMessages.crashed : relayMessages.gaveUp,
    });
    this.options.onCrash?.({ exitCode: code, failedCalls, restarting });
    if (restarting) {
      this.state = 'stopped';
      this.start();
    } else {
      this.state = 'gave-up';
      this.options.onGiveUp?.({ exitCode: code, crashes: this.crashes });
    }
  }
}
