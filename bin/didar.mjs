#!/usr/bin/env node
// `npx didar …`: runs the TypeScript CLI through tsx so no separate build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
