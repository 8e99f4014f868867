// The one entry point for every transport (IPC and HTTP): validate with the contract's schema, call the
// handler with a context of its own, and turn every outcome into a Reply. Nothing is thrown across the boundary.
import type { z } from 'zod';
import { api, isMethod, type Method } from '../../shared/api';
import type { Handlers } from './handlers';
import { DidarError, type ApiError, type Reply } from '../../shared/errors';
import { msg } from '../../shared/messages';
import type { BackendContext } from './context';

export type Dispatch = (method: unknown, args: unknown) => Promise<Reply<unknown>>;

/** The context of one call of `method` (its kind decides how many units of work it may commit). */
export type ContextFor = (method: Method) => BackendContext;

export function makeDispatch(handlers: Handlers, contextFor: ContextFor, onInternalError: (e: unknown) => void = logError): Dispatch {
  return async (method, raw) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'unknown-method', message: msg.unknownMethod } };
    const parsed = api[method].args.safeParse(raw ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      const handler = handlers[method] as (ctx: BackendContext, a: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(contextFor(method), parsed.data) };
    } catch (e) {
      if (e instanceof DidarError) {
        return { ok: false, error: e.toApiError() };
      }
      onInternalError(e);
      return { ok: false, error: { code: 'internal', message: msg.internal } };
    }
  };
}

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
