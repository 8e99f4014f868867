// Security policy values shared by the Electron window, the web shell and the page itself.

/** No remote content: scripts, styles and fonts come only from the app; images also from data/blob URLs. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Header that carries a script's token (only when the server was started with one). */
export const TOKEN_HEADER = 'x-didar-token';
/** The browser's session, an HttpOnly cookie. */
export const SESSION_COOKIE = 'didar_session';
/** Header with a change's idempotency key: the same on every retry of one submission, so it is saved once. */
export const SUBMISSION_HEADER = 'idempotency-key';
