// Rows read back through the stored schemas, as the data folder reads its files: a document edited by hand
// (psql) that no longer fits is refused with a message naming the table and the record, never handed on to
// fail later as a TypeError in a service.
import { DidarError } from '../../../../shared/errors';
import { msg } from '../../../../shared/messages';
import { checkStoredRecord, type StoredRecordKind } from '../../../../shared/stored-schemas';
import { frozenIfChecking } from '../frozen';

/** A row's document and the columns that name it (whichever the table has). */
export type DocRow = { doc: unknown; id?: string; code?: string; day_id?: string; number?: number };

/** The table each kind of record is kept in. */
export const TABLE_OF: Record<StoredRecordKind, string> = {
  case: 'cases', meetingDay: 'meeting_days', queueEntry: 'queue_entries', settings: 'settings',
  circular: 'circulars', groupCorrection: 'group_corrections', account: 'accounts',
};

function rowName(r: DocRow): { fa: string; en: string } {
  const fa = [r.id !== undefined && `شناسه «${r.id}»`, r.code && `کد رهگیری ${r.code}`, r.day_id && `روز «${r.day_id}»`, r.number !== undefined && `نوبت ${r.number}`];
  const en = [r.id !== undefined && `id ${r.id}`, r.code && `code ${r.code}`, r.day_id && `day ${r.day_id}`, r.number !== undefined && `number ${r.number}`];
  return { fa: fa.filter(Boolean).join('، ') || 'تنها ردیف', en: en.filter(Boolean).join(', ') || 'the only row' };
}

/** The row's document when it fits its stored schema; else a refusal naming the database, table, record and field. */
export function storedDoc<T>(db: string, kind: StoredRecordKind, row: DocRow): T {
  const r = checkStoredRecord(kind, row.doc);
  if (r.ok) return frozenIfChecking(r.value as T);
  const table = TABLE_OF[kind];
  const name = rowName(row);
  throw new DidarError('corrupt-file', msg.dbRowInvalid(db, table, name.fa, r.field), undefined,
    `${db}: table ${table}, row ${name.en}: ${r.field || '(document)'}: ${r.problem}`);
}
