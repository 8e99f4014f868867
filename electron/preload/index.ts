// Exposes exactly `window.didar`: one function for the whole API contract and two shell actions.
// ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from '../../shared/ipc-channels';

contextBridge.exposeInMainWorld('didar', {
  invoke: (method: string, args: unknown) => ipcRenderer.invoke(IPC.api, method, args),
  printPdf: (base64: string) => ipcRenderer.invoke(IPC.printPdf, { base64 }),
  savePdf: (base64: string, fileName: string) => ipcRenderer.invoke(IPC.savePdf, { base64, fileName }),
});
