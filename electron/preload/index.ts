// Exposes exactly `window.didar`: one function for the whole API contract, the live link, two shell actions and
// the choice of what this PC is. ipcRenderer itself is never exposed. A server's page shown on a desk of another
// PC (https) gets none of it: it works as in a browser, and the main process would refuse it anyway.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopMode } from '../../shared/desktop-mode';
import { IPC } from '../../shared/ipc-channels';
import type { LiveEvent } from '../../shared/live';

if ((globalThis as { location?: { protocol: string } }).location?.protocol !== 'https:') {
  contextBridge.exposeInMainWorld('didar', {
    invoke: (method: string, args: unknown, submission?: string) => ipcRenderer.invoke(IPC.api, method, args, submission),
    // other desks' changes (in server mode) while this window is signed in; the listener gets plain data only
    live: (listener: (e: LiveEvent) => void) => {
      const on = (_e: IpcRendererEvent, event: LiveEvent): void => listener(event);
      ipcRenderer.on(IPC.live, on);
      void ipcRenderer.invoke(IPC.liveStart);
      return () => {
        ipcRenderer.off(IPC.live, on);
        void ipcRenderer.invoke(IPC.liveStop);
      };
    },
    printPdf: (base64: string) => ipcRenderer.invoke(IPC.printPdf, { base64 }),
    savePdf: (base64: string, fileName: string) => ipcRenderer.invoke(IPC.savePdf, { base64, fileName }),
    desktopMode: {
      get: () => ipcRenderer.invoke(IPC.desktopMode),
      check: (address: string, fingerprint: string) => ipcRenderer.invoke(IPC.desktopModeCheck, { address, fingerprint }),
      set: (mode: DesktopMode) => ipcRenderer.invoke(IPC.desktopModeSet, mode),
    },
  });
}
