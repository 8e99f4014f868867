// The write-ahead log of a data folder. Every unit of work is one line appended to the audit file of its
// Jalali month and flushed to disk (fdatasync) before it is acknowledged: the line holds who, when, what,
// and the before and after of every record it changed, so data and audit trail are one durable write.
// The day files are snapshots compacted from it in the background (see file-store.ts); at start-up the
// lines after the last snapshot's checkpoint are replayed. Each line carries the hash of the line before
// it in the same file and a sequence number that runs across files, so an edited or removed line shows.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DidarError } from '../../../shared/errors';
import { formatJalali, jalaliOf } from '../../../shared/jalali';
import { msg } from '../../../shared/messages';
import { parseAuditLine } from '../../../shared/stored-schemas';
import { asWriteError } from './durable-file';

export const AUDIT_DIR = 'audit';

/** One changed record: its kind, its id, and its value before (null: new) and after. */
export type Change = { entity: string; id: string; before: unknown; after: unknown };

/** A line of the journal as stored. `entity`/`id` name the record the line is about (the first change). */
export type JournalRecord = {
  seq: number;
  at: string;
  by: string;
  action: string;
  entity: string;
  id: string;
  changes: Change[];
  /** Hash of the previous line of the same file ('' for a file's first chained line). */
  prev: string;
  hash: string;
};

/** Where the journal stands: the last line's sequence number and hash, and the end of its file. */
export type JournalPosition = { seq: number; file: string; offset: number; hash: string };

const HASH_TAIL = /,"hash":"([0-9a-f]{64})"\}$/;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The stored line of a record: its JSON with the hash of everything before the hash field appended. */
export function sealLine(r: Omit<JournalRecord, 'hash'>): { line: string; hash: string } {
  const body = JSON.stringify(r);
  const hash = sha256(body);
  return { line: `${body.slice(0, -1)},"hash":"${hash}"}`, hash };
}

/** Whether a stored line's hash matches its content; legacy lines (no hash) answer null. */
export function lineHashValid(line: string): boolean | null {
  const m = HASH_TAIL.exec(line);
  if (!m) return null;
  return sha256(`${line.slice(0, m.index)}}`) === m[1];
}

/** The month file an instant belongs to, e.g. `1405-09.jsonl`. */
export function monthFile(at: Date): string {
  return `${formatJalali(jalaliOf(at)).slice(0, 7).replace('/', '-')}.jsonl`;
}

const isChained = (r: Partial<JournalRecord>): r is JournalRecord => typeof r.seq === 'number' && typeof r.hash === 'string';

export type ReplayResult = {
  /** Records after the checkpoint, oldest first. */
  records: JournalRecord[];
  position: JournalPosition;
  /** Set when the newest file ended in a line cut off by a crash; the caller truncates it away. */
  tornTail: { file: string; offset: number; text: string } | null;
};

/**
 * Reads the journal from a checkpoint: the rest of the checkpoint's file, then every later month file. Lines
 * must follow each other (sequence and hash); anything else means a changed or damaged file, which is refused
 * with its name and line, never repaired. Only a last line without its newline (a crash while appending,
 * never acknowledged) is given back as a torn tail.
 */
export async function readJournal(dataDir: string, from: JournalPosition): Promise<ReplayResult> {
  const dir = path.join(dataDir, AUDIT_DIR);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).sort();
  const later = names.filter((n) => !from.file || n >= from.file);
  const records: JournalRecord[] = [];
  let position = { ...from };
  let tornTail: ReplayResult['tornTail'] = null;
  const before = from.file && names.includes(from.file) ? null : checkpointMismatch(null, from); // else checked with its file below
  if (before) throw await blameForMismatch(dataDir, before);
  for (const [k, name] of later.entries()) {
    const rel = `${AUDIT_DIR}/${name}`;
    const start = name === from.file ? from.offset : 0;
    const buf = await fs.readFile(path.join(dir, name));
    const mismatch = name === from.file ? checkpointMismatch(buf, from) : null;
    if (mismatch) throw await blameForMismatch(dataDir, mismatch);
    let prev = name === from.file ? from.hash : '';
    let offset = start;
    let lineNo = start === 0 ? 0 : countLines(buf, start);
    while (offset < buf.length) {
      const nl = buf.indexOf(0x0a, offset);
      lineNo++;
      if (nl < 0) {
        if (k !== later.length - 1) throw new DidarError('corrupt-file', msg.journalBroken(rel, lineNo));
        tornTail = { file: name, offset, text: buf.subarray(offset).toString('utf8') };
        break;
      }
      const line = buf.subarray(offset, nl).toString('utf8');
      offset = nl + 1;
      if (!line) continue;
      let r: Partial<JournalRecord>;
      try {
        r = JSON.parse(line) as Partial<JournalRecord>;
      } catch {
        throw new DidarError('corrupt-file', msg.journalBroken(rel, lineNo));
      }
      if (!isChained(r)) {
        // an audit line written before the journal existed: kept, never replayed, and only before the first chained one
        if (records.length || position.seq > 0) throw new DidarError('corrupt-file', msg.journalBroken(rel, lineNo));
        continue;
      }
      if (r.seq !== position.seq + 1 || r.prev !== prev || !lineHashValid(line)) {
        throw new DidarError('corrupt-file', msg.journalBroken(rel, lineNo));
      }
      // a line that chains but holds a record its file could not (made by hand, hash recomputed) is refused too
      const valid = parseAuditLine(r, rel, lineNo);
      if (valid instanceof DidarError) throw valid;
      records.push(r);
      prev = r.hash;
      position = { seq: r.seq, file: name, offset, hash: r.hash };
    }
    if (!tornTail && name !== position.file) position = { ...position, file: name, offset: buf.length, hash: prev };
  }
  return { records, position, tornTail };
}

export const CHECKPOINT_FILE = 'journal.json';

const checkpointError = (en: string): DidarError =>
  new DidarError('corrupt-file', msg.checkpointBroken(CHECKPOINT_FILE), undefined, `${CHECKPOINT_FILE}: ${en}`);

/**
 * Why a checkpoint does not mark a place in its journal file (null when it does): it must point at the end
 * of a line, the line whose sequence number and hash it holds (a line from before the journal: no hash).
 */
export function checkpointMismatch(buf: Buffer | null, at: JournalPosition): string | null {
  if (!at.file) return at.seq || at.offset || at.hash ? 'names no journal file but a place in one' : null;
  if (!buf) return `its journal file ${at.file} is missing`;
  if (buf.length < at.offset) return `points past the end of ${at.file} (byte ${at.offset} of ${buf.length})`;
  if (at.offset === 0) return at.hash === '' ? null : `points at the start of ${at.file} but holds a line's hash`;
  if (buf[at.offset - 1] !== 0x0a) return `points inside a line of ${at.file} (byte ${at.offset})`;
  const line = buf.subarray(buf.lastIndexOf(0x0a, at.offset - 2) + 1, at.offset - 1).toString('utf8');
  let r: Partial<JournalRecord>;
  try {
    r = JSON.parse(line) as Partial<JournalRecord>;
  } catch {
    return `points after a line of ${at.file} that does not parse`;
  }
  const matches = isChained(r) ? r.seq === at.seq && r.hash === at.hash : at.hash === '';
  return matches ? null : `does not match the line of ${at.file} it points after (sequence ${String(r.seq ?? '-')}, checkpoint ${at.seq})`;
}

/**
 * A checkpoint that does not fit its journal file: the file was changed (its first broken line is named), or
 * else the checkpoint was. Rare, so the whole journal is read to tell which.
 */
async function blameForMismatch(dataDir: string, mismatch: string): Promise<DidarError> {
  const first = (await verifyJournal(dataDir)).problems[0];
  if (!first) return checkpointError(mismatch);
  return new DidarError('corrupt-file', msg.journalBroken(first.file, first.line ?? 0), undefined, `${first.file}: ${first.problem}`);
}

export type JournalFinding = { file: string; line?: number; problem: string };

export type JournalCheck = { problems: JournalFinding[]; warnings: JournalFinding[]; records: number };

/**
 * Checks the whole journal without opening the folder (for `didar check`): every line parses, sequence
 * numbers follow each other across files, each line's hash and link to the line before hold, and every record
 * in it is one its file could hold. Names the first line that was changed, removed or moved in each file; a
 * cut-off last line is only a warning.
 */
export async function verifyJournal(dataDir: string): Promise<JournalCheck> {
  const dir = path.join(dataDir, AUDIT_DIR);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).sort();
  const files: { name: string; text: string }[] = [];
  for (const name of names) files.push({ name, text: await fs.readFile(path.join(dir, name), 'utf8') });
  return verifyJournalTexts(files);
}

/** The same check on the month files' texts (a backup bundle's, before it is restored), oldest first. */
export function verifyJournalTexts(files: readonly { name: string; text: string }[]): JournalCheck {
  const problems: JournalFinding[] = [];
  const warnings: JournalFinding[] = [];
  let seq = 0;
  let records = 0;
  const names = files.map((f) => f.name);
  for (const [k, { name, text }] of files.entries()) {
    const rel = `${AUDIT_DIR}/${name}`;
    const lines = text.split('\n');
    let prev = '';
    for (const [i, line] of lines.entries()) {
      if (!line) continue;
      const at = `line ${i + 1}`;
      let r: Partial<JournalRecord>;
      try {
        r = JSON.parse(line) as Partial<JournalRecord>;
      } catch {
        if (i === lines.length - 1 && k === names.length - 1) warnings.push({ file: rel, problem: `${at} was cut off by a crash (never acknowledged); removed at the next start` });
        else problems.push({ file: rel, line: i + 1, problem: `${at} does not parse` });
        break;
      }
      if (!isChained(r)) {
        if (seq > 0) {
          problems.push({ file: rel, line: i + 1, problem: `${at} has no sequence number or hash inside the journal: it was added by hand` });
          break;
        }
        // written before the journal existed: kept, never replayed, but still one of the records it may hold
        const legacy = invalidLine(r as JournalRecord, rel, i + 1);
        if (legacy) problems.push({ file: rel, line: i + 1, problem: legacy });
        continue;
      }
      const problem = r.seq !== seq + 1
        ? `${at}: sequence ${r.seq} follows ${seq}: ${r.seq! > seq + 1 ? 'lines before it were removed' : 'lines were repeated or moved'}`
        : r.prev !== prev ? `${at} does not follow the line before it: a line before it was changed, removed or moved`
          : !lineHashValid(line) ? `${at} was changed after it was written (its hash does not match)`
            : invalidLine(r, rel, i + 1);
      if (problem) {
        problems.push({ file: rel, line: i + 1, problem });
        break;
      }
      seq = r.seq;
      prev = r.hash;
      records++;
    }
  }
  return { problems, warnings, records };
}

/** What is wrong with a chained line's records, if anything (the English detail of the stored-schema refusal). */
function invalidLine(r: Partial<JournalRecord>, rel: string, line: number): string | null {
  const v = parseAuditLine(r, rel, line);
  return v instanceof DidarError ? (v.english ?? v.message) : null;
}

function countLines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < end; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** A sealed line waiting for the flush that writes it: its month file, its bytes, the journal's position after it. */
type StagedLine = { name: string; bytes: Buffer; after: JournalPosition };

/**
 * Appends records durably with group commit: records are sealed one at a time, in the order the store
 * serialises its units of work, and the lines sealed while a flush is under way are written and flushed
 * together by the next one. The month's file stays open between flushes; a failed flush is cut back off the
 * file, so that no half line stays behind a later one.
 */
export class JournalWriter {
  private handle: { name: string; fh: fs.FileHandle } | null = null;
  /** Set when a failed append could not be cut back off: no further append until the folder is reopened. */
  private broken: unknown = null;
  /** The end of what is on disk, and of what is sealed (the next line chains onto it). */
  private durable: JournalPosition;
  private tail: JournalPosition;
  private staged: StagedLine[] = [];

  constructor(
    private readonly dataDir: string,
    pos: JournalPosition,
  ) {
    this.durable = pos;
    this.tail = pos;
  }

  /** The end of the last line on disk. */
  get position(): JournalPosition {
    return this.durable;
  }

  /** Lines sealed and not yet on disk. */
  get stagedLines(): number {
    return this.staged.length;
  }

  /** Seals one record after the last one sealed, for the next flush; returns the stored record and the position after it. */
  stage(r: Omit<JournalRecord, 'seq' | 'prev' | 'hash'>, at: Date): { record: JournalRecord; after: JournalPosition } {
    // never back into an earlier month file (a clock set back): the journal is read file by file in name order
    const name = [monthFile(at), this.tail.file].filter(Boolean).sort().at(-1)!;
    if (this.broken) throw asWriteError(this.broken, path.join(this.dataDir, AUDIT_DIR, name));
    const sameFile = name === this.tail.file;
    const sealed = { seq: this.tail.seq + 1, ...r, prev: sameFile ? this.tail.hash : '' };
    const { line, hash } = sealLine(sealed);
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    const after = { seq: sealed.seq, file: name, offset: (sameFile ? this.tail.offset : 0) + bytes.length, hash };
    this.staged.push({ name, bytes, after });
    this.tail = after;
    return { record: { ...sealed, hash }, after };
  }

  /**
   * Writes the sealed lines of the oldest month file among them with one write and one fdatasync (never
   * called twice at once); answers how many lines are now on disk. When it fails, what it wrote is cut back
   * and the caller drops every sealed line (see dropStaged).
   */
  async flush(): Promise<number> {
    const first = this.staged[0];
    if (!first) return 0;
    let n = 1;
    while (n < this.staged.length && this.staged[n]!.name === first.name) n++;
    const lines = this.staged.slice(0, n);
    const bytes = Buffer.concat(lines.map((l) => l.bytes));
    const file = path.join(this.dataDir, AUDIT_DIR, first.name);
    const offset = first.name === this.durable.file ? this.durable.offset : 0;
    try {
      if (this.broken) throw this.broken;
      const fh = await this.open(first.name, offset);
      let done = 0;
      while (done < bytes.length) done += (await fh.write(bytes, done, bytes.length - done)).bytesWritten;
      await fh.datasync();
    } catch (e) {
      await this.cutBack(offset, e);
      throw asWriteError(e, file);
    }
    this.staged.splice(0, n);
    this.durable = lines.at(-1)!.after;
    return n;
  }

  /** Forgets the lines sealed and not on disk (after a failed flush: they chain onto its lines); the next follows the disk's. */
  dropStaged(): void {
    this.staged = [];
    this.tail = this.durable;
  }

  /** The file's handle, opened for appending at `offset` (checked against the file's size when opened). */
  private async open(name: string, offset: number): Promise<fs.FileHandle> {
    if (this.handle?.name === name) return this.handle.fh;
    await this.close();
    const fh = await fs.open(path.join(this.dataDir, AUDIT_DIR, name), 'a');
    try {
      const { size } = await fh.stat();
      // shorter than what was acknowledged: the file was changed behind Didar's back
      if (size < offset) throw new DidarError('corrupt-file', msg.journalBroken(`${AUDIT_DIR}/${name}`, 0));
      if (size > offset) await fh.truncate(offset); // a cut-back that had not reached the disk
    } catch (e) {
      await fh.close().catch(() => undefined);
      throw e;
    }
    this.handle = { name, fh };
    return fh;
  }

  /** Removes what a failed append may have left; the handle is closed so that the next append checks again. */
  private async cutBack(offset: number, cause: unknown): Promise<void> {
    const h = this.handle;
    if (!h) return;
    try {
      await h.fh.truncate(offset);
      await h.fh.datasync();
    } catch {
      this.broken = cause;
    }
    await this.close();
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.fh.close().catch(() => undefined);
  }
}
