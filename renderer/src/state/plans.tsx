import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { PlanSummary } from '../../../shared/domain';
import { useQuery } from '../api/useQuery';

interface PlanState {
  plans: PlanSummary[];
  loading: boolean;
  error: string | null;
  current: PlanSummary | null;
  select(id: number): void;
  reload(): void;
}

const PlanContext = createContext<PlanState | null>(null);
const storageKey = 'ledger-current-plan';

/** The plans and the one the user is working on; the choice survives a restart. */
export function PlanProvider({ children }: { children: ReactNode }) {
  const query = useQuery('plans.list', {});
  const [chosen, setChosen] = useState<number | null>(() => Number(localStorage.getItem(storageKey)) || null);
  const value = useMemo<PlanState>(() => {
    const plans = query.data ?? [];
    return {
      plans,
      loading: query.loading,
      error: query.error,
      current: plans.find((p) => p.id === chosen) ?? plans[0] ?? null,
      select(id) {
        localStorage.setItem(storageKey, String(id));
        setChosen(id);
      },
      reload: query.reload,
    };
  }, [query.data, query.loading, query.error, query.reload, chosen]);
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}

export function usePlans(): PlanState {
  const state = useContext(PlanContext);
  if (!state) throw new Error('usePlans outside PlanProvider');
  return state;
}
