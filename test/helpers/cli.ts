// Runs the `didar` command line as a user would, returning its exit code and output (never throwing).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The labelled sample cases, copied into the repository (test/fixtures/README.md). */
export const SAMPLE = path.resolve('test/fixtures/sample/sample-cases.json');

export const didar = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => didarWith({}, ...args);

/** The same, with more environment (e.g. a temporary folder of the test's own). */
export const didarWith = (env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  run(process.execPath, ['bin/didar.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
