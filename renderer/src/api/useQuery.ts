import { useCallback, useEffect, useState } from 'react';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { api, errorMessage } from './client';

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** Calls a read method and keeps its result; `input` null means "not yet" (e.g. no plan chosen). */
export function useQuery<M extends MethodName>(method: M, input: Input<M> | null): Query<Output<M>> {
  const [data, setData] = useState<Output<M>>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [generation, setGeneration] = useState(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) {
      setData(undefined);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    api
      .call(method, JSON.parse(key) as Input<M>)
      .then((result) => {
        if (!live) return;
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
