import { benchCommand, benchSeedCommand } from './bench';
import { importCommand, slipCommand } from './import-slip';
import type { Command } from './index';

/** Commands beyond `check`; each lives in its own module. */
export const commands: Record<string, Command> = {
  import: importCommand,
  slip: slipCommand,
  bench: benchCommand,
  'bench-seed': benchSeedCommand,
};
