// Where the desktop app keeps what this PC is (alone, server, desk of a server): a small file in its own folder
// (one of RUNTIME_FILES: a backup restored elsewhere does not carry it), read at start. A missing or damaged file means alone, as before server mode existed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DESKTOP_MODE_FILE, DesktopModeSchema, LOCAL_MODE, type DesktopMode } from '../../../shared/desktop-mode';
import { writeFileDurable } from '../store/durable-file';

export async function readDesktopMode(dir: string): Promise<DesktopMode> {
  // missing, unreadable or torn: alone
  const raw = await fs.readFile(path.join(dir, DESKTOP_MODE_FILE), 'utf8').then((t) => JSON.parse(t) as unknown).catch(() => null);
  const parsed = DesktopModeSchema.safeParse(raw);
  return parsed.success ? parsed.data : LOCAL_MODE;
}

export async function writeDesktopMode(dir: string, mode: DesktopMode): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeFileDurable(path.join(dir, DESKTOP_MODE_FILE), `${JSON.stringify(DesktopModeSchema.parse(mode), null, 2)}\n`);
}
