// `npm start`: builds the app, then opens the Electron window where the Electron runtime is available,
// and otherwise (or with --web) serves the same app through the web shell on 127.0.0.1; --serve makes this PC
// the office network's server (HTTPS), with or without Electron.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('Build failed (ساخت برنامه ناموفق بود).');
  process.exit(build.status ?? 1);
}

const electron = args.includes('--web') || args.includes('--serve') ? null : electronBinary();
if (electron) {
  const child = spawn(electron, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!args.includes('--web') && !args.includes('--serve')) {
    console.log('Electron runtime is not available on this machine; serving Didar through the web shell instead.');
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { runWebShell } = await import('../electron/web/main.ts');
  await runWebShell(args);
}
