// One data file's JSON read as what it must be: its schema version first (a file of a newer Didar is refused,
// an older one upgraded in memory), then its stored schema. The loader, `didar check` and `didar restore` all
// read files through here, so that what one accepts the others accept.
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import {
  SCHEMA_VERSION, STORED_FILE_PARSERS,
  type AccountsFile, type CheckpointFile, type SubmissionsFile, type CircularsFile, type CountersFile, type DayFile, type GroupingFile, type MetaFile, type SettingsFile,
} from '../../../shared/stored-schemas';
import { migrateDoc } from './migrations';

export type StoredDocs = { meta: MetaFile; settings: SettingsFile; counters: CountersFile; circulars: CircularsFile; grouping: GroupingFile; checkpoint: CheckpointFile; accounts: AccountsFile; submissions: SubmissionsFile; day: DayFile };
export type DocKind = keyof StoredDocs;

/**
 * The typed document of a parsed data file and the version it had on disk when it was older (null when
 * current). Throws a DidarError naming the file (and the record) on anything else. Upgrades `json` in place.
 */
export function conformStoredFile<K extends DocKind>(kind: K, rel: string, json: unknown): { doc: StoredDocs[K]; migratedFrom: number | null } {
  const version = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DidarError('corrupt-file', msg.corruptFile(rel), undefined, `${rel}: not a Didar data file (no schemaVersion)`);
  }
  if (version > SCHEMA_VERSION) {
    throw new DidarError('newer-schema', msg.newerSchema(rel), undefined, `${rel}: schemaVersion ${version} is newer than this Didar (${SCHEMA_VERSION})`);
  }
  const migratedFrom = version < SCHEMA_VERSION ? migrateDoc(rel, json as Record<string, unknown> & { schemaVersion: number }) : null;
  const doc = STORED_FILE_PARSERS[kind](json, rel);
  if (doc instanceof DidarError) throw doc;
  return { doc: doc as StoredDocs[K], migratedFrom };
}
