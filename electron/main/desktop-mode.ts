// Electron glue for what this PC is: the settings' IPC (read, check a server, choose and restart), the pinned
// certificate of a desk's server, and the office network's HTTPS server on the PC that holds the data.
import { app, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { DesktopModeSchema, type DesktopMode, type DesktopModeState } from '../../shared/desktop-mode';
import type { ServerStatus } from '../../shared/api';
import { IPC } from '../../shared/ipc-channels';
import { msg } from '../../shared/messages';
import type { Opening } from '../backend';
import { machineNames, serverStatusOf } from '../backend/server/addresses';
import { serverCertificate } from '../backend/server/certificate';
import { writeDesktopMode } from '../backend/server/desktop-mode-file';
import { certificateVerdict, serverProblem } from '../backend/server/pin';
import { startWebShell, type WebShell } from '../web/server';

export function wireDesktopMode(dir: string, state: () => DesktopModeState, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(IPC.desktopMode, (e) => (isTrustedSender(e) ? state() : null));
  ipcMain.handle(IPC.desktopModeCheck, (e, raw: { address?: unknown; fingerprint?: unknown } | undefined) => {
    if (!isTrustedSender(e)) return msg.unauthorized;
    return serverProblem(String(raw?.address ?? ''), String(raw?.fingerprint ?? ''));
  });
  ipcMain.handle(IPC.desktopModeSet, async (e, raw: unknown) => {
    if (!isTrustedSender(e)) return msg.unauthorized;
    const parsed = DesktopModeSchema.safeParse(raw);
    if (!parsed.success) return msg.badArgs;
    // a desk is pinned to its server only after the certificate it shows was compared with the one written down
    if (parsed.data.mode === 'client') {
      const problem = await serverProblem(parsed.data.address, parsed.data.fingerprint);
      if (problem) return problem;
    }
    await writeDesktopMode(dir, parsed.data);
    setTimeout(() => {
      app.relaunch();
      app.quit();
    }, 300);
    return null;
  });
}

/** A desk trusts its server's certificate only when it is the pinned one, even one a public authority signed. */
export function pinServer(mode: Extract<DesktopMode, { mode: 'client' }>): void {
  session.defaultSession.setCertificateVerifyProc((request, done) => done(certificateVerdict(request.hostname, request.certificate.data, mode)));
}

/** The office network's HTTPS server, as `--serve` starts it, for the desktop app chosen as the server. */
export async function serveOfficeNetwork(opened: Opening, dataDir: string, port: number, staticDir: string): Promise<{ shell: WebShell; status: ServerStatus }> {
  const names = machineNames();
  const certificate = await serverCertificate(dataDir, names);
  const shell = await startWebShell({ dispatchAs: opened.dispatchAs, watch: opened.watch, staticDir, port, tls: { cert: certificate.cert, key: certificate.key, names } });
  return { shell, status: serverStatusOf(certificate, names, shell.port) };
}
