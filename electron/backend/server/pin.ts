// A desk of another PC's server trusts exactly the certificate whose fingerprint it pinned: read what a server
// shows before pinning it, and the verdict for each certificate the desktop window is shown.
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { normalFingerprint, sameFingerprint, serverOrigin } from '../../../shared/desktop-mode';
import { msg } from '../../../shared/messages';

/** The SHA-256 fingerprint of the certificate the server at this https origin shows, or null when none answers. */
export function presentedFingerprint(origin: string, timeoutMs = 5000): Promise<string | null> {
  const u = new URL(origin);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const s = tls.connect({ host, port: Number(u.port || 443), ...(net.isIP(host) ? {} : { servername: host }), rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const fingerprint = s.getPeerCertificate().fingerprint256 ?? null;
      s.end();
      resolve(fingerprint);
    });
    s.on('timeout', () => { s.destroy(); resolve(null); });
    s.on('error', () => resolve(null));
  });
}

/** What a desk finds at the address before it pins it: the pinned certificate, another one, or no server. */
export async function checkServer(origin: string, pinned: string): Promise<'pinned' | 'mismatch' | 'unreachable'> {
  const shown = await presentedFingerprint(origin);
  if (shown === null) return 'unreachable';
  return sameFingerprint(shown, pinned) ? 'pinned' : 'mismatch';
}

/** The problem a desk finds at its server, in Persian (null: the pinned certificate answered). */
export async function serverProblem(address: string, fingerprint: string): Promise<string | null> {
  const where = serverOrigin(address);
  if ('error' in where) return where.error;
  const pinned = normalFingerprint(fingerprint);
  if (!pinned) return msg.fingerprintInvalid;
  const found = await checkServer(where.origin, pinned);
  return found === 'pinned' ? null : found === 'mismatch' ? msg.fingerprintMismatch : msg.serverNotFound;
}

/**
 * Electron's certificate check in client mode (setCertificateVerifyProc): the server's host is trusted only with
 * the pinned certificate (0), refused with any other (-2), even one a public authority signed; other hosts are
 * left to Chromium (-3), though the window never goes there.
 */
export function certificateVerdict(hostname: string, certificatePem: string, server: { address: string; fingerprint: string }): 0 | -2 | -3 {
  if (hostname.replace(/^\[|\]$/g, '') !== new URL(server.address).hostname.replace(/^\[|\]$/g, '')) return -3;
  try {
    return sameFingerprint(new X509Certificate(certificatePem).fingerprint256, server.fingerprint) ? 0 : -2;
  } catch {
    return -2;
  }
}
