-- Schema 5: offices. A case belongs to the office of its meeting day (the province's, or a county
-- governorate's); the column is derived from the document like the others, 'province' for every row written
-- before offices (their documents name none). A county's desks filter every list by it, so it leads the
-- indexes of their worklist (by due date, by recording time) and of their reports (by meeting date).
-- Meeting days and accounts carry their office in their documents only: there are few of them.
ALTER TABLE cases ADD COLUMN office text NOT NULL DEFAULT 'province';
CREATE INDEX cases_office_due ON cases (office, due_key, code);
CREATE INDEX cases_office_created ON cases (office, created_at, code);
CREATE INDEX cases_office_date ON cases (office, meeting_date);
