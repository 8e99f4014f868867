// What the desktop app is on this PC: alone (its data here, nothing listening beyond 127.0.0.1), the server of a
// meeting day (its data here, served to the office network over HTTPS), or a desk of another PC's server (no data
// here: the window shows the server's pages, trusting only the certificate whose fingerprint was pinned).
import { z } from 'zod';
import { msg } from './messages';
import { toAsciiDigits } from './persian-text';

/** The file in the app's own folder that holds the choice (one of the RUNTIME_FILES). */
export const DESKTOP_MODE_FILE = 'desktop-mode.json';

/** In server mode desks bookmark the address, so the port stays the same unless chosen. */
export const SERVER_PORT = 8443;

/** `AB:CD:…` (32 bytes), the way the server's screen, the CLI and browsers show a SHA-256 fingerprint. */
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

export const DesktopModeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({ mode: z.literal('server'), port: z.number().int().min(1).max(65_535).default(SERVER_PORT) }),
  z.object({ mode: z.literal('client'), address: z.string().url().max(300), fingerprint: z.string().regex(FINGERPRINT) }),
]);
export type DesktopMode = z.output<typeof DesktopModeSchema>;
export const LOCAL_MODE: DesktopMode = { mode: 'local' };

/**
 * The server's address as a clerk types it («192.168.1.10», «didar-server:9443», «https://…/») → its https origin,
 * port 8443 unless given; plain HTTP, paths of other pages and anything else are refused with a Persian message.
 */
export function serverOrigin(typed: string): { origin: string } | { error: string } {
  const t = toAsciiDigits(typed.trim());
  if (!t) return { error: msg.serverAddressMissing };
  if (/^http:\/\//i.test(t)) return { error: msg.serverAddressNotHttps };
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
  } catch {
    return { error: msg.serverAddressInvalid };
  }
  if (u.protocol !== 'https:' || u.username || u.password || !u.hostname || (u.pathname !== '/' && u.pathname !== '')) return { error: msg.serverAddressInvalid };
  if (!u.port) u.port = String(SERVER_PORT);
  return { origin: u.origin };
}

/** A fingerprint as typed or pasted (with or without colons, spaces, lower case, Persian digits) → `AB:CD:…`, or null. */
export function normalFingerprint(typed: string): string | null {
  const hex = toAsciiDigits(typed).replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  const f = hex.match(/../g)!.join(':');
  return FINGERPRINT.test(f) ? f : null;
}

/** Whether the certificate a server showed is the one pinned (both in any of the forms above). */
export function sameFingerprint(shown: string, pinned: string): boolean {
  const a = normalFingerprint(shown);
  return a !== null && a === normalFingerprint(pinned);
}

/** The choice made on the settings form, checked: the mode to store, or the field messages. */
export function desktopModeFrom(form: { mode: DesktopMode['mode']; port: string; address: string; fingerprint: string }):
  { ok: true; value: DesktopMode } | { ok: false; fields: Record<string, string> } {
  switch (form.mode) {
    case 'local': return { ok: true, value: LOCAL_MODE };
    case 'server': {
      const port = form.port.trim() ? Number(toAsciiDigits(form.port.trim())) : SERVER_PORT;
      if (!Number.isInteger(port) || port < 1 || port > 65_535) return { ok: false, fields: { port: msg.serverPortInvalid } };
      return { ok: true, value: { mode: 'server', port } };
    }
    case 'client': {
      const fields: Record<string, string> = {};
      const where = serverOrigin(form.address);
      const fingerprint = normalFingerprint(form.fingerprint);
      if ('error' in where) fields.address = where.error;
      if (!fingerprint) fields.fingerprint = msg.fingerprintInvalid;
      if ('error' in where || !fingerprint) return { ok: false, fields };
      return { ok: true, value: { mode: 'client', address: where.origin, fingerprint } };
    }
    default: throw new Error(`unknown desktop mode ${form.mode as string}`);
  }
}

/** What the desktop window is told of this PC: the mode chosen and, when it could not be followed, why. */
export type DesktopModeState = { mode: DesktopMode; problem: string | null };

/** The desktop shell's part for the settings (only in the app's own window). */
export type DesktopModeShell = {
  get: () => Promise<DesktopModeState>;
  /** Checks the server at the address against the fingerprint before anything is stored: a Persian problem, or null. */
  check: (address: string, fingerprint: string) => Promise<string | null>;
  /** Stores the choice and starts the app again in it; a Persian problem when it cannot be. */
  set: (mode: DesktopMode) => Promise<string | null>;
};
