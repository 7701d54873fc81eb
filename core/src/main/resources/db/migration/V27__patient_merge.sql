-- Merging two records of the same person (doublon, issue 21): the replaced record is kept, marked with the record
-- that replaces it, so that nothing is deleted and an old reference still finds the survivor. Each merge is recorded
-- with who made it, when, why and how many clinical records moved.
-- No foreign key on replaced_by: a merge received from the team server may name a survivor not pulled yet.
ALTER TABLE patient ADD COLUMN replaced_by TEXT;
CREATE INDEX patient_replaced_by ON patient (replaced_by);

CREATE TABLE patient_merge (
  replaced_id   TEXT PRIMARY KEY REFERENCES patient (id),
  survivor_id   TEXT NOT NULL REFERENCES patient (id),
  merged_at     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  reason        TEXT NOT NULL,
  moved_records INTEGER NOT NULL
);
CREATE INDEX patient_merge_survivor ON patient_merge (survivor_id);
