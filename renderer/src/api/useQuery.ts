import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { api, errorMessage } from './client';
import { peekEarly, takeEarly } from './early';

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** Asks again; settles once the answer is on screen (so a notice after it describes what is shown). */
  reload(): Promise<void>;
}

interface Settled<T> {
  key: string;
  generation: number;
  data: T | undefined;
  error: string | null;
}

/**
 * Calls a read method and keeps its result; `input` null means "not yet" (e.g. no plan chosen).
 * While reloading the same input the previous result stays on screen, so lists do not flicker.
 * An answer asked for early (api/early) and already in is the first result: no call, no second render.
 */
export function useQuery<M extends MethodName>(method: M, input: Input<M> | null): Query<Output<M>> {
  const key = input === null ? null : JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<Output<M>> | null>(() => {
    const answered = key === null ? undefined : peekEarly(method, key)?.settled;
    return answered && key !== null ? { key, generation: 0, ...answered } : null;
  });
  // The key whose early answer the first render already shows.
  const shownEarly = useRef(settled?.key ?? null);
  const latest = useRef(0);
  // reload()'s promises, each kept until an answer of its generation or a later one is in.
  const waiting = useRef<{ generation: number; done: () => void }[]>([]);
  const answered = useCallback((upTo: number) => {
    waiting.current = waiting.current.filter((w) => (w.generation <= upTo ? (w.done(), false) : true));
  }, []);
  // Nothing waits for a screen that is gone.
  useEffect(() => () => answered(Infinity), [answered]);

  useEffect(() => {
    if (key === null) return answered(generation);
    const entry = generation === 0 ? takeEarly(method, key) : undefined;
    if (shownEarly.current === key && generation === 0) {
      shownEarly.current = null;
      return;
    }
    let live = true;
    (entry?.answer ?? api.call(method, JSON.parse(key) as Input<M>))
      .then(
        (data) => live && setSettled({ key, generation, data, error: null }),
        (error: unknown) => live && setSettled({ key, generation, data: undefined, error: errorMessage(error) }),
      )
      .finally(() => live && answered(generation));
    return () => {
      live = false;
    };
  }, [method, key, generation, answered]);

  const reload = useCallback(() => {
    const generation = ++latest.current;
    setGeneration(generation);
    return new Promise<void>((done) => waiting.current.push({ generation, done }));
  }, []);
  const current = settled !== null && settled.key === key ? settled : null;
  return {
    data: current?.data,
    error: current?.error ?? null,
    loading: key !== null && (current === null || current.generation !== generation),
    reload,
  };
}
