-- Relais schema, version 14: the urgent care plan (one per patient, every change a new version with who and why),
-- the patient's consents (collected by whom, when; withdrawn, never deleted), and break-glass openings of a plan by
-- someone outside the cercle de soins (reason stated, shown to the team).
CREATE TABLE urgent_care_plan_version (
  patient_id   TEXT NOT NULL REFERENCES patient (id),
  version      INTEGER NOT NULL CHECK (version >= 1),
  content      TEXT NOT NULL,
  changed_by   TEXT NOT NULL,
  changed_at   TEXT NOT NULL,
  reason       TEXT NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('LOCAL', 'SYNCED')),
  PRIMARY KEY (patient_id, version)
);

CREATE TABLE consent (
  id                 TEXT PRIMARY KEY,
  patient_id         TEXT NOT NULL REFERENCES patient (id),
  scope              TEXT NOT NULL CHECK (scope IN ('CARE_TEAM_SHARING', 'EMERGENCY_PLAN_SHARING', 'TELEMONITORING')),
  collected_by       TEXT NOT NULL,
  collected_on       TEXT NOT NULL,
  recorded_at        TEXT NOT NULL,
  recorded_by        TEXT NOT NULL,
  withdrawn_at       TEXT,
  withdrawn_by       TEXT,
  withdrawal_reason  TEXT
);
CREATE INDEX consent_patient ON consent (patient_id, scope);

CREATE TABLE break_glass_access (
  id          TEXT PRIMARY KEY,
  patient_id  TEXT NOT NULL REFERENCES patient (id),
  actor       TEXT NOT NULL,
  workstation TEXT NOT NULL,
  reason      TEXT NOT NULL,
  at          TEXT NOT NULL
);
CREATE INDEX break_glass_patient ON break_glass_access (patient_id, at);
