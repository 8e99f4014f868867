// The renderer's one client of the backend: window.didar (Electron preload) or the web shell over fetch.
import { msg } from '../../shared/messages';
import { api, type Args, type Method, type Result } from '../../shared/api';
import type { ApiError, Reply } from '../../shared/errors';
import { SUBMISSION_HEADER } from '../../shared/security';
import { lost, reached, type DesktopLive } from './live';

export type DesktopShell = {
  /** `submission`: the change's idempotency key. */
  invoke: (method: string, args: unknown, submission?: string) => Promise<Reply<unknown>>;
  /** Other desks' changes, while this window is signed in. */
  live?: DesktopLive;
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

const NETWORK_ERROR: ApiError = { code: 'unreachable', message: msg.serverUnreachable };

/** How long a call waits for a lost server (trying every second) before the clerk is told it did not go through. */
const RETRY_FOR_MS = 60_000;
const RETRY_EVERY_MS = 1000;

/** The browser's session is its HttpOnly cookie, sent with every call; the page holds no token. Null: no answer. */
async function invokeWeb(method: string, args: unknown, submission?: string): Promise<Reply<unknown> | null> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...(submission ? { [SUBMISSION_HEADER]: submission } : {}) },
      body: JSON.stringify(args ?? {}),
    });
    return (await res.json()) as Reply<unknown>; // a page that is not ours (a proxy's error) is no answer either
  } catch {
    return null;
  }
}

/**
 * The idempotency key of each change not yet answered, by what it submits: a retry, by this client or by the
 * clerk pressing save again on the same form, carries the same key, so the server saves it once.
 */
const unanswered = new Map<string, string>();
export function submissionKey(method: string, args: unknown): string {
  const what = `${method}|${JSON.stringify(args ?? {})}`;
  let key = unanswered.get(what);
  if (!key) {
    key = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    unanswered.set(what, key);
  }
  return key;
}
const answered = (method: string, args: unknown): void => void unanswered.delete(`${method}|${JSON.stringify(args ?? {})}`);

/** Sends a call until the server answers, or gives up after RETRY_FOR_MS; the link's state follows. */
async function send(method: Method, args: unknown): Promise<Reply<unknown>> {
  const key = api[method].mutates ? submissionKey(method, args) : undefined;
  if (window.didar) {
    const reply = await window.didar.invoke(method, args, key);
    answered(method, args);
    return reply;
  }
  const until = Date.now() + RETRY_FOR_MS;
  for (;;) {
    const reply = await invokeWeb(method, args, key);
    if (reply) {
      reached();
      answered(method, args);
      return reply;
    }
    lost();
    if (Date.now() >= until) return { ok: false, error: NETWORK_ERROR }; // the key is kept for the clerk's retry
    await new Promise((r) => setTimeout(r, RETRY_EVERY_MS));
  }
}

/** Told when a call finds the session gone (sign-out elsewhere, idle time, a disabled account). */
const signedOut = new Set<(message: string) => void>();
export function onSignedOut(listener: (message: string) => void): () => void {
  signedOut.add(listener);
  return () => void signedOut.delete(listener);
}

/** The session ended (the server said so on the live stream): the sign-in comes back, what was typed is kept. */
export function sessionEnded(message: string): void {
  for (const l of signedOut) l(message);
}

export async function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const reply = await send(method, args);
  if (!reply.ok) {
    if (reply.error.code === 'unauthorized' && !method.startsWith('auth/')) sessionEnded(reply.error.message);
    throw new ApiFailure(reply.error);
  }
  return reply.value as Result<M>;
}

export const isDesktop = (): boolean => window.didar !== undefined;
