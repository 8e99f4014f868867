-- Schema 3: the meeting-day list counts each day's cases that are not cancelled; with the status beside the
-- day in one index the count is an index-only scan, not a read of every case row of the day.
CREATE INDEX cases_day_status ON cases (meeting_day_id, status);
