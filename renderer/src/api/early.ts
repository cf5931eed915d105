import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { api, errorMessage } from './client';

/** An answer asked for before React renders, and what it settled to once it has. */
export interface EarlyAnswer<T> {
  answer: Promise<T>;
  settled?: { data: T | undefined; error: string | null };
}

/**
 * The shell's first reads (is the ledger damaged, the settings, the plans) go out while the rest of the app's code is
 * still being evaluated, instead of one after the other as each provider mounts. useQuery starts from an answer
 * already in (the first screen then renders once, with its data); each answer serves one useQuery, a reload asks afresh.
 */
const early = new Map<string, EarlyAnswer<unknown>>();

const keyOf = (method: MethodName, inputKey: string) => `${method} ${inputKey}`;

export function askEarly<M extends MethodName>(method: M, input: Input<M>): void {
  const entry: EarlyAnswer<unknown> = { answer: api.call(method, input) };
  // Settling also keeps a failure nobody takes (the recovery screen stands in front) from surfacing as unhandled.
  entry.answer.then(
    (data) => (entry.settled = { data, error: null }),
    (error: unknown) => (entry.settled = { data: undefined, error: errorMessage(error) }),
  );
  early.set(keyOf(method, JSON.stringify(input)), entry);
}

/** The early answer for this call, left in place (`inputKey` is the input's JSON). */
export function peekEarly<M extends MethodName>(method: M, inputKey: string): EarlyAnswer<Output<M>> | undefined {
  return early.get(keyOf(method, inputKey)) as EarlyAnswer<Output<M>> | undefined;
}

/** The early answer for this call, if one was asked for and not yet taken. */
export function takeEarly<M extends MethodName>(method: M, inputKey: string): EarlyAnswer<Output<M>> | undefined {
  const entry = peekEarly(method, inputKey);
  early.delete(keyOf(method, inputKey));
  return entry;
}

/** Resolves when every early answer is in, or after `ms` (a slow backend then shows the app's own progress bars). */
export function earlyAnswered(ms: number): Promise<void> {
  const all = Promise.allSettled([...early.values()].map((e) => e.answer)).then(() => undefined);
  return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}
