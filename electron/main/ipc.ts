// IPC wiring: one channel for the whole API contract, plus the two shell actions only Electron can do.
import fs from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { DispatchAs } from '../backend/dispatch';
import { IPC } from '../../shared/ipc-channels';
import { writePrintFile } from './print-file';
import { WEB_PREFERENCES } from './window-policy';


const PdfArgs = z.object({ base64: z.string().min(1).max(20_000_000), fileName: z.string().max(120).regex(/^[\w.-]+\.pdf$/).optional() });

export function wireIpc(dispatchAs: DispatchAs, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  // Each window's session token stays here in the main process: the page never holds it.
  const sessions = new Map<number, string>();
  ipcMain.handle(IPC.api, (e, method: unknown, args: unknown) => {
    if (!isTrustedSender(e)) return { ok: false, error: { code: 'unauthorized', message: 'دسترسی مجاز نیست.' } };
    const id = e.sender.id;
    if (!sessions.has(id)) e.sender.once('destroyed', () => sessions.delete(id));
    return dispatchAs({
      kind: 'session',
      token: sessions.get(id) ?? null,
      setSession: (t) => void (t ? sessions.set(id, t) : sessions.delete(id)),
    }, method, args);
  });

  ipcMain.handle(IPC.printPdf, async (e, raw: unknown) => {
    const a = PdfArgs.safeParse(raw);
    if (!isTrustedSender(e) || !a.success) return;
    const { file, remove } = await writePrintFile(Buffer.from(a.data.base64, 'base64'));
    // Chromium's PDF viewer in its own window: its print button opens the system print dialog.
    const win = new BrowserWindow({ width: 700, height: 900, parent: BrowserWindow.fromWebContents(e.sender) ?? undefined, webPreferences: { ...WEB_PREFERENCES } });
    win.setMenuBarVisibility(false);
    win.on('closed', () => void remove());
    await win.loadFile(file);
  });

  ipcMain.handle(IPC.savePdf, async (e, raw: unknown) => {
    const a = PdfArgs.safeParse(raw);
    if (!isTrustedSender(e) || !a.success) return false;
    const parent = BrowserWindow.fromWebContents(e.sender);
    const options = { defaultPath: a.data.fileName ?? 'didar.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return false;
    await fs.writeFile(r.filePath, Buffer.from(a.data.base64, 'base64'));
    return true;
  });
}
