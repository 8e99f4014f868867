// `didar unlock --data DIR`: removes a lock left behind (a crash, a pid now used by another program, a computer
// that went away) once it has checked that no Didar still holds the folder.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { unlockDataDir } from '../backend/store/lock';
import { dataDirOf } from './index';

export async function unlockCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true });
  const dir = path.resolve(dataDirOf(values.data));
  const r = unlockDataDir(dir);
  process.stdout.write(`${JSON.stringify({ dataDir: dir, ...r })}\n`);
  return 0;
}
