/**
 * Unsaved progress reports, kept in the window's storage as they are typed, so a crash, a closed window or a
 * reload loses nothing. A draft is only a suggestion: the form shows it as such and can drop it.
 */
export interface Draft {
  narrative: string;
  actuals: Record<number, string>;
  /** ISO time of the last keystroke. */
  at: string;
}

const prefix = 'ledger-draft:';

export const draftKey = (projectId: number, periodId: number, unit: string | null) => `${prefix}${projectId}:${periodId}:${unit ?? ''}`;

export function readDraft(key: string): Draft | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (!value || typeof value !== 'object') return null;
    const { narrative, actuals, at } = value as Partial<Draft>;
    if (typeof narrative !== 'string' || typeof at !== 'string' || !actuals || typeof actuals !== 'object') return null;
    return { narrative, actuals, at };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: Draft | null): void {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or unavailable: the form still works, only without the safety net.
  }
}
