import { createContext, useContext } from 'react';
import type { AppInfo, Method } from '../../shared/api';
import type { Office } from '../../shared/offices';
import type { Role } from '../../shared/roles';
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
  /** The signed-in person's roles, and whether they may call a method (the UI shows only what they may do). */
  roles: readonly Role[];
  /** The office the signed-in person works for ('province', or a county governorate): what they see. */
  office: Office;
  may: (method: Method) => boolean;
  /** A user name as people read it (the account's full name), for histories. */
  nameOf: (username: string) => string;
};

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppContext');
  return v;
}
