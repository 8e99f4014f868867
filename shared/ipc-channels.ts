/** IPC channel names, shared by the main process and the preload. */
export const IPC = {
  api: 'didar:api',
  printPdf: 'didar:print-pdf',
  savePdf: 'didar:save-pdf',
  /** The renderer starts and stops hearing other desks' changes; the main process sends them on `live`. */
  liveStart: 'didar:live-start',
  liveStop: 'didar:live-stop',
  live: 'didar:live',
  /** What this PC is (alone, server, desk of a server): read it, check a server's address, choose (then restart). */
  desktopMode: 'didar:desktop-mode',
  desktopModeCheck: 'didar:desktop-mode-check',
  desktopModeSet: 'didar:desktop-mode-set',
} as const;
