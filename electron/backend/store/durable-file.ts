// Crash-safe file writes: write a temporary file, fsync it, keep the old version as a backup (hard link),
// rename the new one over it and fsync the directory. A crash leaves the old or the new file, never a torn one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { readTextHere, type ReadText } from './text-reader';

let tmpCounter = 0;

export type BeforeReplace = (file: string) => Promise<void>;

/** `mode`: the new file's permissions (0o600 for a private key: readable by the server's own user only). */
export async function writeFileDurable(file: string, data: string | Uint8Array, beforeReplace?: BeforeReplace, mode = 0o644): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++tmpCounter}.tmp`);
  try {
    const fh = await fs.open(tmp, 'wx', mode);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (beforeReplace) await beforeReplace(file);
    await fs.rename(tmp, file);
    await fsyncDir(dir);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw asWriteError(e, file);
  }
}

/** Errors of a directory fsync that only mean the system cannot do it (Windows, some network drives). */
const NO_DIR_SYNC = new Set(['EPERM', 'EACCES', 'EISDIR', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** Makes a rename durable where the system allows it; where it does not, the renamed file is already whole. */
export async function fsyncDir(dir: string): Promise<void> {
  try {
    const dh = await fs.open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch (e) {
    if (!NO_DIR_SYNC.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  }
}

/** Appends one line and waits until it is on disk (for the audit trail). */
export async function appendLineDurable(file: string, line: string): Promise<void> {
  try {
    const fh = await fs.open(file, 'a');
    try {
      await fh.write(`${line}\n`);
      await fh.datasync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw asWriteError(e, file);
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const DENIED = new Set(['EACCES', 'EPERM']);
/** Denied on an existing file rather than in the folder: on Windows, another program holding it open. */
const ON_EXISTING_FILE = new Set(['rename', 'unlink', 'link']);

/** A failed write as the clerk should read it: a full disk, a folder they may not write to, a busy file, or another fault. */
export function asWriteError(e: unknown, file: string): DidarError {
  if (e instanceof DidarError) return e;
  const { code = '', syscall = '' } = (e as NodeJS.ErrnoException | null) ?? {};
  const message = DISK_FULL.has(code)
    ? msg.diskFull(file)
    : code === 'EBUSY' || (DENIED.has(code) && ON_EXISTING_FILE.has(syscall))
      ? msg.fileBusy(file)
      : code === 'EROFS' || DENIED.has(code)
        ? msg.readOnly(file)
        : msg.writeFailed(file);
  const err = new DidarError('write-failed', message, undefined, `cannot write ${file}: ${(e as Error | null)?.message ?? String(e)}`);
  err.cause = e;
  return err;
}

/** Reads and parses a JSON data file; a file that does not parse is reported, never replaced. */
export async function readJsonFile(file: string, displayName: string, readText: ReadText = readTextHere): Promise<unknown | null> {
  let text: string | null;
  try {
    text = await readText(file);
  } catch (e) {
    throw Object.assign(new DidarError('read-failed', msg.readFailed(displayName)), { cause: e });
  }
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DidarError('corrupt-file', msg.corruptFile(displayName));
  }
}
