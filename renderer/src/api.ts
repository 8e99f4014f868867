// The renderer's one client of the backend: window.didar (Electron preload) or the web shell over fetch.
import { msg } from '../../shared/messages';
import { api, type Args, type Method, type Result } from '../../shared/api';
import type { ApiError, Reply } from '../../shared/errors';
import { SUBMISSION_HEADER } from '../../shared/security';
import { randomKey, submissionKeys, untilAnswered } from '../../shared/submission';
import type { DesktopModeShell } from '../../shared/desktop-mode';
import { lost, reached, type DesktopLive } from './live';

export type DesktopShell = {
  /** `submission`: the change's idempotency key. */
  invoke: (method: string, args: unknown, submission?: string) => Promise<Reply<unknown>>;
  /** Other desks' changes, while this window is signed in. */
  live?: DesktopLive;
  /** What this PC is: alone, the server, or a desk of a server. */
  desktopMode?: DesktopModeShell;
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

const keys = submissionKeys(() => randomKey((b) => crypto.getRandomValues(b)));

/** Sends a call until the server answers, or gives up after RETRY_FOR_MS; the link's state follows. */
async function send(method: Method, args: unknown): Promise<Reply<unknown>> {
  const key = api[method].mutates ? keys.keyFor(method, args) : undefined;
  const reply = window.didar
    ? await window.didar.invoke(method, args, key)
    : await untilAnswered(() => invokeWeb(method, args, key), { forMs: RETRY_FOR_MS, everyMs: RETRY_EVERY_MS, lost, reached });
  if (!reply) return { ok: false, error: NETWORK_ERROR }; // the key is kept for the clerk's next try
  keys.answered(method, args);
  return reply;
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
