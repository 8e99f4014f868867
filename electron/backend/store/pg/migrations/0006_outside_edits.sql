-- Schema 6: a server keeps what units of work read most as last committed (committed.ts) and trusts it only
-- while the database stands where it read it. Units of work mark their transaction (didar.unit) and are
-- counted by the audit counter; a write from anywhere else (psql, a script, a restore by hand) raises the
-- 'outside-edits' counter here, so every server reads those tables again before its next unit.
CREATE FUNCTION didar_outside_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('didar.unit', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO counters (name, value) VALUES ('outside-edits', 1)
      ON CONFLICT (name) DO UPDATE SET value = counters.value + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER settings_outside_edit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION didar_outside_edit();
CREATE TRIGGER meeting_days_outside_edit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_days
  FOR EACH STATEMENT EXECUTE FUNCTION didar_outside_edit();
CREATE TRIGGER queue_entries_outside_edit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON queue_entries
  FOR EACH STATEMENT EXECUTE FUNCTION didar_outside_edit();
CREATE TRIGGER cases_outside_edit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION didar_outside_edit();
