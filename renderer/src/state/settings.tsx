import { createContext, useContext, type ReactNode } from 'react';
import type { Settings } from '../../../shared/domain';
import { useQuery } from '../api/useQuery';

interface SettingsState {
  settings: Settings | undefined;
  /** Settles once the settings read again are on every screen. */
  reload(): Promise<void>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** One copy of the settings for every screen, so a new office name shows everywhere at once (key file name included). */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const query = useQuery('settings.get', {});
  return <SettingsContext.Provider value={{ settings: query.data, reload: query.reload }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
