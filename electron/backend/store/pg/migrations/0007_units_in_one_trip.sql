-- Schema 7: a unit of work may run on what its server holds (committed.ts) before it takes the lock, and then
-- send everything in one round trip: the lock, a check that the database still stands where the server read
-- it, the writes, the audit row and COMMIT. The check is didar_expect: it fails the transaction when anything
-- was committed since (the audit counter, the database server's start, writes made outside units of work), and
-- the unit is then run again under the lock. Counters are held too, so a write to them from outside a unit of
-- work counts as an outside edit like the other tables'.
-- Where the database stands, as a server reads it with what it holds (pg-store.ts WHERE_IT_STANDS): the audit
-- counter, and an epoch of the database server's start and of the writes made outside units of work.
CREATE FUNCTION didar_seq() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT value FROM counters WHERE name = 'audit'), 0)
$$;
CREATE FUNCTION didar_epoch() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT pg_postmaster_start_time()::text || '/' || coalesce((SELECT value FROM counters WHERE name = 'outside-edits'), 0)
$$;

CREATE FUNCTION didar_expect(seq bigint, epoch text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF didar_seq() IS DISTINCT FROM seq OR didar_epoch() IS DISTINCT FROM epoch THEN
    RAISE EXCEPTION 'the database has moved on since this server read it' USING ERRCODE = 'DD001';
  END IF;
END
$$;

-- the trigger's own raising of 'outside-edits' (one level down) is not an edit of its own
CREATE OR REPLACE FUNCTION didar_outside_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('didar.unit', true) IS DISTINCT FROM 'on' AND pg_trigger_depth() = 1 THEN
    INSERT INTO counters (name, value) VALUES ('outside-edits', 1)
      ON CONFLICT (name) DO UPDATE SET value = counters.value + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER counters_outside_edit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON counters
  FOR EACH STATEMENT EXECUTE FUNCTION didar_outside_edit();
