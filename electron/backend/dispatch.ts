// The one entry point for every transport (IPC and HTTP): find who calls, check that their roles may call the
// method, validate with the contract's schema, call the handler with a context of its own, and turn every
// outcome into a Reply. Nothing is thrown across the boundary, and a refused call changes nothing.
import type { z } from 'zod';
import { api, isMethod, type Method } from '../../shared/api';
import { DidarError, type ApiError, type ErrorCode, type Reply } from '../../shared/errors';
import { msg } from '../../shared/messages';
import { mayCall, ROLES } from '../../shared/roles';
import { officeOf, PROVINCE } from '../../shared/offices';
import { SUBMISSION_KEY } from '../../shared/stored-schemas';
import type { AuthServices, BackendContext, Principal } from './context';
import type { Handlers } from './handlers';
import type { Store } from './store/store';

/**
 * Who calls, as the transport knows it: the command line (or the script token), or a browser or window with
 * the session token it holds (none before sign-in); `setSession` takes a new token, or null to end it.
 */
export type CallerRef =
  | { kind: 'system'; operator: string }
  | { kind: 'session'; token: string | null; setSession?: (token: string | null) => void; source?: string };

/** The source of a call that names none: this PC (its own window, or a test). */
const THIS_PC = 'this-pc';

/** `submission`: the desk's idempotency key for a change (the same on every retry of one submission). */
export type DispatchAs = (caller: CallerRef, method: unknown, args: unknown, submission?: string) => Promise<Reply<unknown>>;
/** A dispatch bound to one caller (the command line's, in the CLI and tests). */
export type Dispatch = (method: unknown, args: unknown) => Promise<Reply<unknown>>;

/** What a signed-in account that must first choose a new password may still do. */
const WHILE_PASSWORD_CHANGE: ReadonlySet<Method> = new Set(['auth/status', 'auth/changePassword', 'auth/signOut', 'app/info', 'settings/get']);

export type DispatchEnv = {
  store: Store;
  auth: Omit<AuthServices, 'setSession' | 'source'>;
  now: () => Date;
  context: (method: Method, caller: Principal | null, auth: AuthServices, submission?: string) => BackendContext;
};

/** Replies to keyed changes are kept this long, so a retry after a lost answer gets the same answer. */
const REPLY_KEEP_MS = 15 * 60_000;
const REPLIES_KEPT = 5000;

export function makeDispatch(handlers: Handlers, env: DispatchEnv, onInternalError: (e: unknown) => void = logError): DispatchAs {
  const replies = new Map<string, { at: number; reply: Promise<Reply<unknown>> }>();
  async function principalOf(ref: CallerRef): Promise<Principal | null> {
    if (ref.kind === 'system') return { operator: ref.operator, roles: ROLES, office: PROVINCE };
    if (!ref.token) return null;
    const { sessionIdleMinutes } = await env.store.getSettings();
    const s = env.auth.sessions.resolve(ref.token, sessionIdleMinutes * 60_000);
    if (!s) return null;
    const a = await env.store.getAccount(s.accountId);
    if (!a || a.disabled) {
      await env.auth.sessions.end(s.id);
      return null;
    }
    return { operator: a.username, roles: a.roles, office: officeOf(a), accountId: a.id, sessionId: s.id, mustChangePassword: a.mustChangePassword };
  }

  /**
   * A change sent again with the same key (the desk lost the answer and retried) gets the first answer, or
   * waits for it while it runs; after a restart, when the answer is gone, it is told the change was made.
   */
  async function once(key: string, run: () => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
    const now = Date.now();
    for (const [k, r] of replies) if (now - r.at > REPLY_KEEP_MS || replies.size > REPLIES_KEPT) replies.delete(k);
    else break;
    const known = replies.get(key);
    if (known) return known.reply;
    // kept before anything is awaited: a retry arriving while the store is asked (a database) waits for this one
    const reply = env.store.hasSubmission(key).then((done) => (done ? fail('already-done', msg.alreadyDone) : run()));
    replies.set(key, { at: now, reply });
    const r = await reply;
    if (!r.ok && r.error.code !== 'already-done') replies.delete(key); // a refused change may be sent again
    return r;
  }

  return (ref, method, raw, submission) => {
    if (submission !== undefined && isMethod(method) && api[method].mutates) {
      if (!SUBMISSION_KEY.test(submission)) return Promise.resolve(fail('bad-args', msg.badArgs));
      return once(submission, () => call(ref, method, raw, submission));
    }
    return call(ref, method, raw);
  };

  async function call(ref: CallerRef, method: unknown, raw: unknown, submission?: string): Promise<Reply<unknown>> {
    if (!isMethod(method)) return fail('unknown-method', msg.unknownMethod);
    try {
      const caller = await principalOf(ref);
      const access = api[method].access;
      if (access !== 'public') {
        if (!caller) return fail('unauthorized', ref.kind === 'session' && ref.token ? msg.sessionExpired : msg.unauthorized);
        if (caller.mustChangePassword && !WHILE_PASSWORD_CHANGE.has(method)) return fail('password-change-required', msg.mustChangePassword);
        if (!mayCall(access, caller.roles)) return fail('forbidden', msg.forbidden);
      }
      const parsed = api[method].args.safeParse(raw ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      const setSession = ref.kind === 'session' ? (ref.setSession ?? (() => undefined)) : () => undefined;
      const source = ref.kind === 'session' ? (ref.source ?? THIS_PC) : ref.operator;
      const ctx = env.context(method, caller, { ...env.auth, setSession, source }, submission);
      const handler = handlers[method] as (ctx: BackendContext, a: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (e) {
      if (e instanceof DidarError) return { ok: false, error: e.toApiError() };
      onInternalError(e);
      return fail('internal', msg.internal);
    }
  }
}

const fail = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/** Field messages keyed by dotted path ('citizen.nationalId'), the first one as the summary. */
export function validationError(error: z.ZodError): ApiError {
  const fields = new Map<string, string>(); // a path such as «__proto__» is a key like any other
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields.has(key)) fields.set(key, persianOrGeneric(issue.message));
  }
  const first = fields.values().next().value;
  return { code: 'bad-args', message: first ?? msg.badArgs, fields: Object.fromEntries(fields) };
}

/** zod's own English messages (wrong type, unknown key) never reach the user. */
function persianOrGeneric(m: string): string {
  return /[\u0600-\u06FF]/.test(m) ? m : msg.badArgs;
}

function logError(e: unknown): void {
  console.error('[didar] internal error:', e);
}

export type { Method };
