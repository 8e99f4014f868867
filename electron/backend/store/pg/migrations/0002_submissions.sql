-- Schema 2: the desks' idempotency keys (server mode). A change sent again with the same key, to this server
-- or to another one on the same database, is recognised for a week; the key is stored in the same transaction
-- as its change and listed in that change's audit row as a 'submission' change.
CREATE TABLE submissions (
  key text PRIMARY KEY,
  at timestamptz NOT NULL
);

CREATE INDEX submissions_at ON submissions (at);

-- 'letter:YYYY' counters number the year's referral letters. Counters are never below zero (one set back by
-- hand would hand out codes and numbers again).
ALTER TABLE counters ADD CONSTRAINT counters_not_negative CHECK (value >= 0);
