-- Relais schema, version 5: measures (vital signs, glucose, scores), stored in their canonical UCUM unit with what
-- was actually typed or received kept beside it.
CREATE TABLE measure (
  id              TEXT PRIMARY KEY,
  patient_id      TEXT NOT NULL REFERENCES patient (id),
  code            TEXT NOT NULL,                 -- LOINC
  value           TEXT NOT NULL,                 -- decimal in the canonical unit, as text (exact)
  unit            TEXT NOT NULL,                 -- canonical UCUM unit of the code
  original_value  TEXT NOT NULL,
  original_unit   TEXT NOT NULL,
  effective_at    TEXT NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('ENTERED', 'PATIENT_REPORTED', 'DEVICE', 'IMPORTED', 'SYNCED')),
  recorded_by     TEXT NOT NULL,
  unusual         INTEGER NOT NULL CHECK (unusual IN (0, 1)),
  status          TEXT NOT NULL CHECK (status IN ('FINAL', 'ENTERED_IN_ERROR')),
  error_reason    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX measure_patient_code_time ON measure (patient_id, code, effective_at);
CREATE INDEX measure_code_time ON measure (code, effective_at);
