// Errors a person reads: whatever is given to the command line or the web shell's starter, the answer is one
// line in Persian and one in English with a non-zero exit code, never a stack trace (only with --debug).
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWebShell } from '../../electron/web/main';
import { ok, openTestBackend, tempDir } from '../helpers/backend';
import { didar } from '../helpers/cli';

const STACK = /\n\s+at /;
const TWO_LINES = /^خطا: [^\n]*[\u0600-\u06FF][^\n]*\nerror: [^\n]+\n$/;

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('command line errors', () => {
  it('hostile arguments and files: Persian and English, non-zero exit, no stack trace', async () => {
    const dir = await tempDir();
    const files = await tempDir();
    const nullFiles = path.join(files, 'null-files.json.gz');
    await fs.writeFile(nullFiles, gzipSync(JSON.stringify({ format: 'didar-backup', version: 1, createdAt: 'x', files: null })));
    await fs.writeFile(path.join(files, 'binary.json'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    await fs.writeFile(path.join(files, 'export.json'), JSON.stringify({ format: 'didar-export', version: 2, exportedAt: 'x', meetingDays: 'x', cases: [] }));
    const runs: string[][] = [
      ['constructor'], ['__proto__'], ['toString', '--data', dir],
      ['import', '--data', dir], ['import', '--data', dir, files], ['import', '--data', dir, path.join(files, 'binary.json')],
      ['import', '--data', dir, path.join(files, 'export.json')], ['import', '--data', '/dev/null/x', path.join(files, 'export.json')],
      ['restore', '--data', dir, '/etc/hostname'], ['restore', '--data', dir, nullFiles], ['restore', '--data', dir, files],
      ['case', '--data', dir, '--code', 'abc'], ['case', '--data', dir, '--code', '0500000012'],
      ['export', '--data', dir, '--format', 'csv', '--out', path.join(files, 'no', 'such', 'x.csv')],
      ['export', '--data', dir, '--format', 'exe', '--out', 'x'], ['group', '--in', '/dev/null', '--out', path.join(files, 'g.json')],
      ['bench', '--cases', '-1'], ['check', '--bogus'], ['unlock', '--data', '/dev/null/x'], ['slip', '--data', dir],
    ];
    for (const args of runs) {
      const r = await didar(...args);
      expect(r.code, args.join(' ')).toBeGreaterThan(0);
      expect(r.stderr, args.join(' ')).not.toMatch(STACK);
      expect(r.stderr.startsWith('خطا: '), `${args.join(' ')}: ${r.stderr}`).toBe(true);
      expect(r.stderr, args.join(' ')).toMatch(/\nerror: /);
    }
  }, 180_000);

  it('an unexpected error prints its stack only with --debug', async () => {
    const plain = await didar('unlock', '--data', '/dev/null/x'); // ENOTDIR: no message of its own
    expect(plain.stderr).toMatch(TWO_LINES);
    expect(plain.stderr).toContain('--debug');
    const debug = await didar('unlock', '--data', '/dev/null/x', '--debug');
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK);
  }, 60_000);
});

describe('one version number', () => {
  it('the app and the command line report package.json\'s version', async () => {
    const { version } = JSON.parse(fsSync.readFileSync('package.json', 'utf8')) as { version: string };
    expect((await didar('--version')).stdout.trim()).toBe(version);
    const b = await openTestBackend();
    expect((await ok(b, 'app/info', {})).version).toBe(version);
    await b.close();
  });
});

describe('web shell start', () => {
  it('a port in use: one line in Persian and English with the option of another port, exit code 1', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation(((s: string) => err.push(String(s)) > 0) as typeof process.stderr.write);
    try {
      await runWebShell(['--port', String(port), '--data', await tempDir(), '--no-open', '--static', await tempDir()]);
    } finally {
      busy.close();
    }
    vi.restoreAllMocks();
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toMatch(TWO_LINES);
    expect(err.join('')).toContain(`--port ${port + 1}`);
    expect(err.join('')).toContain('--port 0');
  });

  it('a port that is not a number, an unknown option: two lines, exit code 2', async () => {
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--bogus']]) {
      const err: string[] = [];
      vi.spyOn(process.stderr, 'write').mockImplementation(((s: string) => err.push(String(s)) > 0) as typeof process.stderr.write);
      await runWebShell([...args, '--no-open']);
      vi.restoreAllMocks();
      expect(process.exitCode, args.join(' ')).toBe(2);
      expect(err.join(''), args.join(' ')).toMatch(TWO_LINES);
    }
  });
});
