// Where the Electron binary is, without requiring the `electron` package: requiring it tries to download
// the runtime when it is missing, which cannot work offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {string | null} the Electron executable, or null where the runtime is not installed */
export function electronBinary() {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const rel = fs.readFileSync(pathFile, 'utf8').trim();
    const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel)
      : path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
