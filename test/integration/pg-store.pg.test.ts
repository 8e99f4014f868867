// PostgreSQL only: what a database has and a folder has not — SQL migrations applied once when two servers
// start together, two servers on one database, a server that cannot be reached, a connection lost inside a
// unit of work, a read-only database — and `didar migrate` moving data folders in. (The rest of the suite
// runs on both stores.)
import { byTrackingCode } from '../../shared/domain';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Case } from '../../shared/domain';
import { openBackend, openInBackground, type Backend } from '../../electron/backend';
import { latestVersion } from '../../electron/backend/store/pg/schema';
import { checksum } from '../../electron/backend/store/canonical';
import { auditTrail, checkStore, ok, openTestBackend, openToday, send, snapshot, storeWith, tempDir, tempStore, validCitizen } from '../helpers/backend';
import { didar, SAMPLE } from '../helpers/cli';
import { sql } from '../helpers/pg';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function start(at?: string) {
  const b = await openTestBackend(at);
  open.push(b);
  return b;
}

/** A URL to a port nothing listens on. */
const NOBODY = 'postgres://didar@127.0.0.1:1/didar';

describe('schema', () => {
  it('two servers starting on an empty database at once both open, and each migration runs once', async () => {
    const at = await tempStore();
    const [a, b] = await Promise.all([start(at), start(at)]);
    const rows = await sql<{ version: number }>(at, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: latestVersion() }, (_, i) => i + 1));
    const day = await openToday(a);
    expect((await ok(b, 'meetingDay/list', {})).map((d) => d.id)).toEqual([day.id]);
  });

  it('refuses a database that a newer Didar has migrated', async () => {
    const at = await tempStore();
    await (await start(at)).close();
    open.pop();
    await sql(at, "INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')");
    await expect(openBackend({ databaseUrl: at })).rejects.toMatchObject({ code: 'newer-schema', message: expect.stringContaining('نسخه جدیدتری') });
  });
});

describe('the server away or refusing', () => {
  it('a server that cannot be reached is named in Persian, and the page gets the reason for every call', async () => {
    await expect(openBackend({ databaseUrl: NOBODY })).rejects.toMatchObject({ code: 'db-unavailable', message: expect.stringContaining('در دسترس نیست') });
    const opening = openInBackground({ databaseUrl: NOBODY });
    const r = await opening.dispatchAs({ kind: 'session', token: null }, 'app/info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'db-unavailable', message: expect.stringContaining('127.0.0.1') } });
    await opening.close();
  });

  it('a connection lost inside a unit of work: nothing stored, the caller told, the next save works', async () => {
    const b = await start();
    const day = await openToday(b);
    await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'پیش از قطع' });
    const before = await snapshot(b);
    const c = (await b.store.scanCases({}))[0]!;
    const lost = b.ctx.mutate('test/lost', async (t) => {
      // a read of the rows: the unit runs under the lock, its transaction open while it works
      await t.store.listUncodedCases();
      await t.store.putCase({ ...c, text: 'نباید بماند' });
      // the server ends this unit's connection (a restart, a network cut) before COMMIT
      await sql(b.dataDir, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction' AND application_name = 'didar'");
    });
    await expect(lost).rejects.toMatchObject({ code: 'db-unavailable' });
    expect(await snapshot(b)).toEqual(before);
    expect((await ok(b, 'case/get', { id: c.id })).text).toBe('پیش از قطع');
    await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'پس از قطع' });
    expect(await ok(b, 'case/listForDay', { meetingDayId: day.id })).toHaveLength(2);
  });

  it('a read-only database refuses the save in Persian and changes nothing', async () => {
    const b = await start();
    const day = await openToday(b);
    const u = new URL(b.dataDir);
    u.searchParams.set('options', `${u.searchParams.get('options')} -c default_transaction_read_only=on`);
    const ro = await start(u.toString());
    const before = await snapshot(b);
    const r = await send(ro, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست' });
    expect(r).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringContaining('فقط‌خواندنی') } });
    expect(await snapshot(b)).toEqual(before);
  });
});

describe('two servers on one database', () => {
  it('record at the same time: codes unique and continuing, nothing lost, the audit trail numbered without a gap', async () => {
    const at = await tempStore();
    const [a, b] = await Promise.all([start(at), start(at)]);
    const day = await openToday(a);
    const saves = Array.from({ length: 40 }, (_, i) => ok(i % 2 ? a : b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: `درخواست ${i}` }));
    const cases = await Promise.all(saves);
    expect(new Set(cases.map((c) => c.code)).size).toBe(40);
    expect(cases.map((c) => Number(c.code.slice(2, 9))).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await ok(b, 'case/listForDay', { meetingDayId: day.id })).toHaveLength(40);
    const audit = await auditTrail(at);
    expect(audit.map((r) => r.seq)).toEqual(audit.map((_, i) => i + 1));
    expect(await checkStore(at)).toMatchObject({ ok: true, cases: 40, problems: [] });
  });
});

describe('didar db-init', () => {
  it('creates a role and its database that Didar then runs on without being a superuser; a second run creates nothing', async () => {
    const name = `didar_${randomBytes(4).toString('hex')}`;
    const args = ['db-init', '--admin', inject('pgAdminUrl'), '--name', name, '--role', name, '--password', 'گذرواژه-نقش'];
    const first = await didar(...args);
    expect(first.code, first.stderr).toBe(0);
    const made = JSON.parse(first.stdout) as { url: string; shown: string; created: string[] };
    expect(made.created).toEqual([`role ${name}`, `database ${name}`]);
    expect(made.url).toContain(encodeURIComponent('گذرواژه-نقش'));
    expect(made.shown).not.toContain(encodeURIComponent('گذرواژه-نقش')); // the name shown on screens has no password
    const [db] = await sql<{ encoding: string; ctype: string; su: boolean }>(inject('pgAdminUrl'),
      'SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS ctype, (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS su FROM pg_database WHERE datname = $1', [name]);
    expect(db).toEqual({ encoding: 'UTF8', ctype: 'C.UTF-8', su: false });
    const b = await start(made.url);
    const day = await openToday(b);
    const c = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'قطعی برق روستا' });
    expect((await ok(b, 'worklist/query', { q: 'قطعي' })).items.map((x) => x.code)).toEqual([c.code]); // Arabic ی folded, trigram index
    const again = await didar(...args);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: [] });
    expect(again.stdout).toContain('چیزی ساخته نشد');
  });
});

describe('didar migrate', () => {
  it.each(['data-v1', 'data-v2'])('moves the folder %s in: the database reads as the folder does', async (fixture) => {
    const folder = await storeWith(path.resolve('test/fixtures', fixture)); // a file-store copy, opened and upgraded
    const dir = await tempDir();
    await fs.cp(path.resolve('test/fixtures', fixture), dir, { recursive: true });
    const asFolder = await openBackend({ dataDir: dir, operator: 'tester' });
    const fromFolder = [...(await asFolder.store.scanCases({}))].sort(byTrackingCode);
    await asFolder.close();
    const db = await start(folder);
    const fromDb = [...(await db.store.scanCases({}))].sort(byTrackingCode);
    expect(fromDb).toEqual(fromFolder);
    expect(fromDb.map(checksum)).toEqual(fromFolder.map(checksum));
    // the next code continues after the folder's
    const next = await ok(db, 'case/record', { meetingDayId: fromDb[0]!.meetingDayId, citizen: validCitizen, text: 'پس از انتقال' });
    expect(next.code.slice(2, 9) > fromDb.map((c) => c.code!.slice(2, 9)).sort().at(-1)!).toBe(true);
  });

  it('copies and verifies, a second run adds nothing and says so, and a database holding other data is refused', async () => {
    const folder = await tempDir();
    expect((await didar('import', '--data', folder, SAMPLE)).code).toBe(0);
    const url = await tempStore();
    const first = await didar('migrate', '--data', folder, '--to', url);
    expect(first.code, first.stderr).toBe(0);
    const r1 = JSON.parse(first.stdout) as { added: { cases: number; auditRecords: number }; verified: { cases: number; codes: number; checksums: number }; nothingToAdd: boolean };
    expect(r1).toMatchObject({ added: { cases: 160 }, verified: { cases: 160, codes: 160, checksums: 160 }, nothingToAdd: false });
    const db = await start(url);
    expect(await db.store.countCases()).toBe(160);
    // the folder's audit trail came along, and the move is recorded after it
    const audit = await auditTrail(url);
    expect(audit).toHaveLength(r1.added.auditRecords + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'migrate/folder', entity: 'dataFolder' });
    const held = await snapshot(db);

    const second = await didar('migrate', '--data', folder, '--to', url);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ nothingToAdd: true, added: { cases: 0, auditRecords: 0 }, alreadyThere: { cases: 160 } });
    expect(second.stdout).toContain('چیزی افزوده نشد');
    expect(await snapshot(db)).toEqual(held);

    // a case changed in the database since: the folder no longer matches it, and nothing is copied
    const c = (await db.store.scanCases({}))[0] as Case;
    await ok(db, 'case/cancel', { id: c.id, reason: 'ثبت تکراری' });
    const changed = await snapshot(db);
    const third = await didar('migrate', '--data', folder, '--to', url);
    expect(third.code).toBe(1);
    expect(third.stderr).toMatch(/داده‌ای دارد که با این پوشه داده نمی‌خواند[\s\S]*error: the database already holds other data that conflicts/);
    expect(third.stderr).toContain(`cases ${c.id}`);
    expect(await snapshot(db)).toEqual(changed);
  }, 120_000);

  it('another office\'s folder whose codes are taken in the database is refused before anything is copied', async () => {
    const url = await tempStore();
    const one = await tempDir();
    const two = await tempDir();
    expect((await didar('import', '--data', one, SAMPLE)).code).toBe(0);
    expect((await didar('import', '--data', two, SAMPLE)).code).toBe(0); // the same rows, new ids, the same codes
    expect((await didar('migrate', '--data', one, '--to', url)).code).toBe(0);
    const db = await start(url);
    const before = await snapshot(db);
    const r = await didar('migrate', '--data', two, '--to', url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tracking code');
    expect(await snapshot(db)).toEqual(before);
  }, 120_000);
});
