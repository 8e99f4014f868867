// Errors that cross the API boundary as data, never as exceptions (see STYLE.md, rule 3).

export type ErrorCode =
  | 'bad-args' | 'unknown-method' | 'internal' | 'not-found' | 'conflict' | 'invalid-code'
  | 'cancelled' | 'data-locked' | 'corrupt-file' | 'newer-schema' | 'write-failed' | 'read-failed' | 'unauthorized'
  | 'forbidden' | 'too-many-attempts' | 'password-change-required' | 'db-unavailable';

export type ApiError = { code: ErrorCode; message: string; fields?: Record<string, string> };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure a service expects and reports to the user; anything else is 'internal'. */
export class DidarError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DidarError';
  }

  /** The error as it crosses the API boundary. */
  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export function strictAssert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`assertion failed: ${what}`);
}

export function missingCase(x: never): never {
  throw new Error(`unhandled case: ${String(x)}`);
}
