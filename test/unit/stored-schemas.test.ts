// The stored schemas and the checker generated from them: the generated one gives zod's verdict on valid and
// damaged documents of every kind, and a refusal names the file and the case.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DidarError } from '../../shared/errors';
import { compileConform } from '../../shared/schema-conform';
import {
  AccountsFileSchema, AuditLineSchema, CheckpointFileSchema, CircularsFileSchema, CountersFileSchema, DayFileSchema, GroupingFileSchema, MetaFileSchema, SettingsFileSchema,
  parseAuditLine, parseDayFile, storedFileKind, STORED_FILE_PARSERS,
} from '../../shared/stored-schemas';
import { damage, damageArb } from '../helpers/damage';

const FIXTURE = path.resolve('test/fixtures/data-v3');
const read = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURE, rel), 'utf8'));
const dayFiles = fs.readdirSync(path.join(FIXTURE, 'days')).map((n) => `days/${n}`);
const auditLines = fs.readFileSync(path.join(FIXTURE, 'audit/1405-09.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);

const KINDS: [string, z.ZodType, unknown][] = [
  ['meta.json', MetaFileSchema, read('meta.json')],
  ['settings.json', SettingsFileSchema, read('settings.json')],
  ['counters.json', CountersFileSchema, read('counters.json')],
  ['circulars.json', CircularsFileSchema, read('circulars.json')],
  ['grouping.json', GroupingFileSchema, read('grouping.json')],
  ['journal.json', CheckpointFileSchema, read('journal.json')],
  ['accounts.json', AccountsFileSchema, read('accounts.json')],
  ...dayFiles.map((rel): [string, z.ZodType, unknown] => [rel, DayFileSchema, read(rel)]),
  ['audit line before the journal', AuditLineSchema, auditLines[3]],
  ['journal line', AuditLineSchema, auditLines.at(-2)],
];

describe('stored schemas', () => {
  it('accept every file of a folder written through the API, each by its kind', () => {
    for (const rel of ['meta.json', 'settings.json', 'counters.json', 'circulars.json', 'grouping.json', 'journal.json', 'accounts.json', ...dayFiles]) {
      const kind = storedFileKind(rel);
      expect(kind, rel).not.toBeNull();
      expect(kind).not.toBe('audit');
      const r = STORED_FILE_PARSERS[kind as Exclude<typeof kind, 'audit' | null>](read(rel), rel);
      expect(r, rel).not.toBeInstanceOf(DidarError);
    }
    expect(storedFileKind('audit/1405-09.jsonl')).toBe('audit');
    for (const [i, line] of auditLines.entries()) expect(parseAuditLine(line, 'audit/1405-09.jsonl', i + 1)).not.toBeInstanceOf(DidarError);
    for (const bad of ['evil.sh', 'days/../meta.json', 'days/a/b.json', 'days/.x.json.1.tmp', 'backups/meta.json', '', 'audit/x.jsonl']) expect(storedFileKind(bad), bad).toBeNull();
  });

  it('the generated checker gives zod\'s verdict on damaged documents of every kind, and fills what zod fills', () => {
    for (const [name, schema, valid] of KINDS) {
      const conform = compileConform(schema);
      expect(conform(structuredClone(valid)), name).toBe(true);
      fc.assert(fc.property(damageArb, (damages) => {
        const doc = damage(valid, damages);
        const expected = schema.safeParse(structuredClone(doc));
        const checked = structuredClone(doc);
        expect(conform(checked), `${name} ${JSON.stringify(damages)}`).toBe(expected.success);
        if (expected.success) expect(schema.parse(checked)).toEqual(expected.data);
      }), { numRuns: 300 });
    }
  });

  it('a day file with a null history entry and an unknown status is refused naming the file, the case and the field', () => {
    const doc = structuredClone(read(dayFiles[0]!)) as { cases: Record<string, unknown>[] };
    const c = doc.cases[1]!;
    c.history = [null];
    const r = parseDayFile(doc, dayFiles[0]!);
    expect(r).toBeInstanceOf(DidarError);
    const e = r as DidarError;
    expect(e.code).toBe('corrupt-file');
    for (const part of [dayFiles[0]!, String(c.id), String(c.code), 'history']) {
      expect(e.message).toContain(part);
      expect(e.english).toContain(part);
    }
    expect(e.message).toContain('پرونده ۲');
    expect(e.english).toContain('case #2');
    c.history = [{ at: '2026-11-23T06:30:00.000Z', by: 'x', action: 'recorded' }];
    c.status = 'pwned';
    expect((parseDayFile(doc, 'days/x.json') as DidarError).english).toMatch(/case #2 .*: status: /);
  });

  it('lists an older file or hand edit leaves out are read as empty', () => {
    const doc = structuredClone(read(dayFiles[0]!)) as { cases: Record<string, unknown>[] };
    for (const k of ['referrals', 'answers', 'notices', 'attachments', 'prints']) delete doc.cases[0]![k];
    const r = parseDayFile(doc, 'days/x.json') as unknown as { cases: Record<string, unknown[]>[] };
    expect(r).not.toBeInstanceOf(DidarError);
    for (const k of ['referrals', 'answers', 'notices', 'attachments', 'prints']) expect(r.cases[0]![k]).toEqual([]);
  });
});
