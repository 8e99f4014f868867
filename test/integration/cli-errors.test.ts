// An unexpected failure of a command: one Persian and one English line, the stack only with --debug; one version.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, openTestBackend } from '../helpers/backend';
import { didar, SAMPLE } from '../helpers/cli';

describe('the command line on an unexpected error', () => {
  it('prints a Persian and an English line and no stack, unless --debug', async () => {
    const r = await didar('group', '--in', SAMPLE, '--out', '/nonexistent-didar/out.json');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^خطا: .*[\u0600-\u06FF]/);
    expect(lines[1]).toMatch(/^error: unexpected error: ENOENT.*--debug/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const debug = await didar('group', '--in', SAMPLE, '--out', '/nonexistent-didar/out.json', '--debug');
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});

describe('one version number', () => {
  it('the app and the command line report package.json\'s version', async () => {
    const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    expect((await didar('--version')).stdout.trim()).toBe(version);
    const b = await openTestBackend();
    expect((await ok(b, 'app/info', {})).version).toBe(version);
    await b.close();
  });
});
