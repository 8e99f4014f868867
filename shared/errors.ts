// Errors that cross the API boundary as data, never as exceptions (see STYLE.md, rule 3).

export type ErrorCode =
  | 'bad-args' | 'unknown-method' | 'internal' | 'not-found' | 'conflict' | 'invalid-code'
  | 'cancelled' | 'data-locked' | 'corrupt-file' | 'newer-schema' | 'write-failed' | 'read-failed' | 'unauthorized'
  | 'forbidden' | 'too-many-attempts' | 'password-change-required' | 'already-done' | 'db-unavailable'
  /** The change is allowed but looks like a mistake (the same case twice): sent again with `confirmed: true` it is made. */
  | 'needs-confirmation'
  /** The desk could not reach the server (only the client says this; the server never does). */
  | 'unreachable';

export type ApiError = { code: ErrorCode; message: string; fields?: Record<string, string> };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure a service expects and reports to the user; anything else is 'internal'. */
export class DidarError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** The same in English, with the details a support person needs (the CLI prints it under the Persian). */
    readonly english?: string,
  ) {
    super(message);
    this.name = 'DidarError';
  }

  /** The error as it crosses the API boundary. */
  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

/** An error as a person reads it in a terminal: one line in Persian, one in English (no stack trace). */
export function consoleLines(persian: string, english: string): string {
  return `خطا: ${persian}\nerror: ${english}\n`;
}
