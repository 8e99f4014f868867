import { benchCommand, benchDbCommand, benchSeedCommand } from './bench';
import { benchServerCommand } from './bench-server';
import { caseCommand } from './case';
import { dbInitCommand, migrateCommand } from './database';
import { exportCommand } from './export';
import { groupCommand } from './group';
import { backupCommand, importCommand, restoreCommand, slipCommand } from './import-slip';
import type { Command } from './index';
import { unlockCommand } from './unlock';

/** Commands beyond `check`; each lives in its own module. */
export const commands: Record<string, Command> = {
  import: importCommand,
  slip: slipCommand,
  case: caseCommand,
  group: groupCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  unlock: unlockCommand,
  migrate: migrateCommand,
  'db-init': dbInitCommand,
  bench: benchCommand,
  'bench-seed': benchSeedCommand,
  'bench-server': benchServerCommand,
  'bench-db': benchDbCommand,
};
