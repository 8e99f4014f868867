import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/api';
import type { Settings } from '../../shared/settings';

export type AppState = {
  info: AppInfo;
  settings: Settings;
  openCitizen: (nationalId: string) => void;
  openCircular: (id: string) => void;
  /** A screen with unsaved changes registers what to ask before the clerk leaves it (null when nothing is unsaved). */
  setLeaveQuestion: (question: string | null) => void;
  /** Shows a group of the recurring-issues board. */
  openGroup: (id: string) => void;
};

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppContext');
  return v;
}
