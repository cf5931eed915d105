import { useQuery } from '../api/useQuery';
import { usePlans } from './plans';

/** The current plan's judgement; every screen that shows status shares the same call. */
export function usePlanStatus(options: { asOf?: string; preset?: string } = {}) {
  const { current } = usePlans();
  return useQuery('status.plan', current ? { planId: current.id, ...options } : null);
}
