/** IPC channel names, shared by the main process and the preload. */
export const IPC = {
  api: 'didar:api',
  printPdf: 'didar:print-pdf',
  savePdf: 'didar:save-pdf',
} as const;
