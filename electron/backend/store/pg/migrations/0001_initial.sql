-- Didar on PostgreSQL, schema 1: the same records as a data folder, one row each, the domain value as a jsonb
-- document and, for cases, the columns the worklist, the lookups and the reports filter and sort on.
-- Text that is compared or sorted byte for byte (codes, Jalali dates, ISO instants, folded search text) is
-- COLLATE "C": the same order as the file store's string comparison, and cheaper than a language collation.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE settings (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  doc jsonb NOT NULL
);

CREATE TABLE meeting_days (
  id text PRIMARY KEY,
  date text COLLATE "C" NOT NULL,
  pos bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE queue_entries (
  day_id text NOT NULL REFERENCES meeting_days (id),
  number integer NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (day_id, number)
);

CREATE TABLE cases (
  id text PRIMARY KEY,
  code text COLLATE "C" NOT NULL UNIQUE,
  national_id text COLLATE "C" NOT NULL,
  status text NOT NULL,
  lead_department text NOT NULL,
  departments text[] NOT NULL,
  county text NOT NULL,
  order_type text,
  meeting_day_id text NOT NULL REFERENCES meeting_days (id),
  meeting_date text COLLATE "C" NOT NULL,
  -- the deadline's due date, or '9999/99/99' when there is none (sorted last, as in the file store)
  due_key text COLLATE "C" NOT NULL,
  has_deadline boolean NOT NULL,
  paused boolean NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  external_id text,
  pending_notices boolean NOT NULL,
  -- foldForSearch of the text, names and numbers, without spaces (case-index.ts searchText)
  search text COLLATE "C" NOT NULL,
  pos bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE INDEX cases_national_id ON cases (national_id);
CREATE INDEX cases_due ON cases (due_key, code);
CREATE INDEX cases_created ON cases (created_at, code);
CREATE INDEX cases_status_due ON cases (status, due_key, code);
CREATE INDEX cases_county ON cases (county);
-- the overdue list: awaiting the department, deadline running (pg-store.ts writes the same condition); the
-- condition's columns included so that its count is an index-only scan
CREATE INDEX cases_awaiting ON cases (due_key, code) INCLUDE (status, has_deadline, paused) WHERE status IN ('recorded', 'referred', 'in-progress') AND has_deadline AND NOT paused;
CREATE INDEX cases_departments ON cases USING gin (departments);
CREATE INDEX cases_meeting_day ON cases (meeting_day_id, pos);
CREATE INDEX cases_meeting_date ON cases (meeting_date);
CREATE INDEX cases_external_id ON cases (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX cases_pending_notices ON cases (id) WHERE pending_notices;
CREATE INDEX cases_search ON cases USING gin (search gin_trgm_ops);

CREATE TABLE circulars (
  id text PRIMARY KEY,
  pos bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE group_corrections (
  id text PRIMARY KEY,
  pos bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE accounts (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  pos bigserial NOT NULL,
  doc jsonb NOT NULL
);

-- SHA-256 of each session token (the token itself is never stored), as in the data folder's sessions.json
CREATE TABLE sessions (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL
);

-- Counters raised inside units of work: 'audit' (the audit trail's sequence), 'code:YY' (tracking codes of a
-- two-digit Jalali year, province-wide), 'circular:YYYY' (circular numbers). A row, not a SEQUENCE: a unit
-- that rolls back gives its number back, so every number is either on a record or was never handed out.
CREATE TABLE counters (
  name text PRIMARY KEY,
  value bigint NOT NULL
);

-- The audit trail: one row per unit of work (or event), in the same transaction as its change.
CREATE TABLE audit (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  by text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  -- [{entity, id, before, after}] of every record the unit changed; [] for an event
  changes jsonb NOT NULL
);

CREATE INDEX audit_entity ON audit (entity, entity_id);

-- Data folders moved in with `didar migrate`: up to which line of their journal the audit trail holds.
CREATE TABLE imported_folders (
  folder text PRIMARY KEY,
  journal_seq bigint NOT NULL,
  at timestamptz NOT NULL
);
