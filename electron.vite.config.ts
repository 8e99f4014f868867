import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security';

const root = dirname(fileURLToPath(import.meta.url));

/** The page carries the same CSP as the HTTP header and the Electron session (one definition);
 * frame-ancestors is left out of the meta tag, where browsers ignore it with a warning. */
const metaPolicy = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
const cspMeta = (): Plugin => ({
  name: 'didar-csp-meta',
  transformIndexHtml: (html: string) =>
    html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy}">`),
});

/** The PostgreSQL store's SQL migrations, read at run time: copied beside the main bundle (schema.ts looks there). */
const MIGRATIONS = resolve(root, 'electron/backend/store/pg/migrations');
const pgMigrations = (): Plugin => ({
  name: 'didar-pg-migrations',
  generateBundle() {
    for (const f of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.sql'))) {
      this.emitFile({ type: 'asset', fileName: `pg-migrations/${f}`, source: readFileSync(resolve(MIGRATIONS, f), 'utf8') });
    }
  },
});

export default defineConfig({
  main: {
    plugins: [pgMigrations()],
    build: {
      outDir: 'out/main',
      // each worker is its own entry: a worker thread needs a file of its own (electron/backend/start-worker.ts)
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'grouping-worker': resolve(root, 'electron/backend/grouping/worker.ts'),
          'pdf-worker': resolve(root, 'electron/backend/pdf/worker.ts'),
        },
      },
      externalizeDeps: { exclude: ['lowdb'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      isolatedEntries: true,
      externalizeDeps: false,
      // a sandboxed preload must be CommonJS
      rollupOptions: { input: { index: resolve(root, 'electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
