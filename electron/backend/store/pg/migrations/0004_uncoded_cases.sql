-- A case may be recorded before the governor's order and get its tracking code at the inspection desk
-- (stations): until then it has no code. UNIQUE still holds for the codes given (NULLs are distinct).
ALTER TABLE cases ALTER COLUMN code DROP NOT NULL;
CREATE INDEX cases_uncoded ON cases (created_at) WHERE code IS NULL;
