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

/** Header that carries the web shell's token on every API request. */
export const TOKEN_HEADER = 'x-didar-token';
/** Meta tag the web shell injects into the page it serves. */
export const TOKEN_META = 'didar-token';
