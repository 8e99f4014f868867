// Exposes exactly `window.didar`: one function for the whole API contract, the live link and two shell actions.
// ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC } from '../../shared/ipc-channels';
import type { LiveEvent } from '../../shared/live';

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
});
