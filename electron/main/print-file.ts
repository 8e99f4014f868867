// The PDF handed to Chromium's viewer for printing: in a private folder of its own (mode 0700, random name),
// as a file created exclusively with mode 0600 under a random name, so no other user or program can read it,
// swap it or guess it. Node only, so tests check it without Electron.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type PrintFile = { file: string; remove: () => Promise<void> };

export async function writePrintFile(pdf: Uint8Array, tmpRoot = os.tmpdir()): Promise<PrintFile> {
  const dir = await fs.mkdtemp(path.join(tmpRoot, 'didar-print-')); // created 0700
  const file = path.join(dir, `${randomBytes(16).toString('hex')}.pdf`);
  try {
    await fs.writeFile(file, pdf, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    await fs.rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { file, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}
