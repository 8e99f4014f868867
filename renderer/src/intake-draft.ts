// Half-typed intakes kept in the browser per desk and meeting day, so that a screen switch or a reload
// loses nothing. A draft is removed once its case is saved or the clerk starts a new form.
const key = (desk: string, dayId: string): string => `didar:intake:${desk}:${dayId}`;

export function loadDraft<T>(desk: string, dayId: string): T | null {
  try {
    const raw = localStorage.getItem(key(desk, dayId));
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null; // storage off or a draft from an older form: start empty
  }
}

export function saveDraft(desk: string, dayId: string, draft: unknown): void {
  try {
    localStorage.setItem(key(desk, dayId), JSON.stringify(draft));
  } catch {
    // storage full or off: the form still works, only without a kept draft
  }
}

export function clearDraft(desk: string, dayId: string): void {
  try {
    localStorage.removeItem(key(desk, dayId));
  } catch {
    // nothing kept
  }
}

export const hasDraft = (desk: string, dayId: string): boolean => loadDraft(desk, dayId) !== null;
