// File store only: the web shell while a large data folder is still being read, and a folder that cannot be
// opened (a broken file). A database that cannot be reached: pg-store.pg.test.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startWebShell } from '../../electron/web/server';
import { TOKEN_HEADER } from '../../shared/security';
import { openInBackground } from '../../electron/backend';
import { seedDataDir } from '../../electron/backend/bench/generate';
import { FIXED_NOW, tempDir } from '../helpers/backend';
import { request } from '../helpers/http';

const TOKEN = 'script-token-for-the-tests-0123456789';
let staticDir: string;

beforeAll(async () => {
  staticDir = path.join(await tempDir('didar-static-'), 'renderer');
  await fs.mkdir(staticDir);
  await fs.writeFile(path.join(staticDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
});

describe('web shell while the data folder is still opening', () => {
  it('serves the page at once; calls made meanwhile wait and see every case', async () => {
    const dir = await tempDir();
    await seedDataDir(dir, 12_000); // 30 day files: read through the second thread too
    const opening = openInBackground({ dataDir: dir, now: () => FIXED_NOW });
    let loaded = false;
    void opening.ready.then(() => (loaded = true));
    const early = await startWebShell({ dispatchAs: opening.dispatchAs, staticDir, token: TOKEN });
    try {
      const page = await request(early, '/');
      expect(page.status).toBe(200);
      expect(loaded).toBe(false); // the page did not wait for 12,000 cases to load
      const list = request(early, '/api/worklist/query', { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: TOKEN }, body: '{}' });
      expect(JSON.parse((await list).body)).toMatchObject({ ok: true, value: { total: 12_000 } });
      expect(loaded).toBe(true);
    } finally {
      await early.close();
      await opening.close();
    }
  });

  it('answers every call with the reason when the folder cannot be opened', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, 'days'), { recursive: true });
    await fs.writeFile(path.join(dir, 'settings.json'), '{"schemaVersion":');
    const opening = openInBackground({ dataDir: dir });
    const r = await opening.dispatchAs({ kind: 'session', token: null }, 'app/info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'corrupt-file', message: expect.stringContaining('settings.json') } });
    await expect(opening.ready).rejects.toMatchObject({ code: 'corrupt-file' });
    await opening.close();
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe('{"schemaVersion":');
  });
});
