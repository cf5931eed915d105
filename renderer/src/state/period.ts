import type { Period } from '../../../shared/domain';

const key = (planId: number) => `ledger-period-${planId}`;

/**
 * The period the user is working on, per plan: chosen on the overview, it is the one the project page fills in
 * and the export screen signs — and it survives a reload. Without a choice, the latest period.
 */
export function chosenPeriod(planId: number, periods: Period[] | undefined): Period | undefined {
  const id = Number(localStorage.getItem(key(planId)));
  return periods?.find((p) => p.id === id) ?? periods?.at(-1);
}

/** Only a period the user chose (none means: the screen's own default). */
export function rememberedPeriod(planId: number, periods: Period[] | undefined): Period | undefined {
  const id = Number(localStorage.getItem(key(planId)));
  return periods?.find((p) => p.id === id);
}

export function rememberPeriod(planId: number, periodId: number): void {
  localStorage.setItem(key(planId), String(periodId));
}
