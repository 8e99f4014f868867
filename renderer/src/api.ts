// The renderer's one client of the backend: window.didar (Electron preload) or the web shell over fetch.
import type { Args, Method, Result } from '../../shared/api';
import type { ApiError, Reply } from '../../shared/errors';

export type DesktopShell = {
  invoke: (method: string, args: unknown) => Promise<Reply<unknown>>;
  printPdf: (base64: string) => Promise<void>;
  savePdf: (base64: string, fileName: string) => Promise<boolean>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Window needs an interface
  interface Window {
    didar?: DesktopShell;
  }
}

/** A failed call as the UI shows it: the Persian message and, for forms, messages per field. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

const NETWORK_ERROR: ApiError = { code: 'internal', message: 'ارتباط با برنامه برقرار نشد. برنامه را دوباره باز کنید.' };

/** The browser's session is its HttpOnly cookie, sent with every call; the page holds no token. */
async function invokeWeb(method: string, args: unknown): Promise<Reply<unknown>> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    return (await res.json()) as Reply<unknown>;
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}

/** Told when a call finds the session gone (sign-out elsewhere, idle time, a disabled account). */
const signedOut = new Set<(message: string) => void>();
export function onSignedOut(listener: (message: string) => void): () => void {
  signedOut.add(listener);
  return () => void signedOut.delete(listener);
}

export async function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const reply = window.didar ? await window.didar.invoke(method, args) : await invokeWeb(method, args);
  if (!reply.ok) {
    if (reply.error.code === 'unauthorized' && !method.startsWith('auth/')) for (const l of signedOut) l(reply.error.message);
    throw new ApiFailure(reply.error);
  }
  return reply.value as Result<M>;
}

export const isDesktop = (): boolean => window.didar !== undefined;
