-- Relais schema, version 1: patients and their identity (INS, RNIV statuses), the cercle de soins, the audit trail.
-- Conventions: ids are UUID text made locally; instants are UTC text 'yyyy-MM-ddTHH:mm:ss.SSSZ' (fixed width, so
-- they sort as text); calendar dates are 'yyyy-MM-dd'.

CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE patient (
  id                   TEXT PRIMARY KEY,
  birth_family_name    TEXT NOT NULL,
  birth_given_names    TEXT NOT NULL,          -- the ordered list, space separated, as INSi returns it
  used_family_name     TEXT,
  used_given_name      TEXT,
  sex                  TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
  birth_date           TEXT NOT NULL,
  birthplace_code      TEXT,                   -- INSEE COG commune code, or 99xxx abroad
  ipp                  TEXT UNIQUE,
  ins_matricule        TEXT,
  ins_oid              TEXT,
  identity_status      TEXT NOT NULL CHECK (identity_status IN ('PROV', 'RECUP', 'VALI', 'QUAL')),
  ins_source           TEXT,                   -- how the INS/traits were collected (FR Core methodCollection)
  identity_document    TEXT,                   -- document the identity was checked against (validationMode)
  status_changed_at    TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK ((ins_matricule IS NULL) = (ins_oid IS NULL))
);
CREATE INDEX patient_ins ON patient (ins_matricule);
CREATE INDEX patient_traits ON patient (birth_date, sex);

-- Every identity status change, and why: the RNIV asks that the way a status was obtained stays traceable.
CREATE TABLE identity_event (
  id           TEXT PRIMARY KEY,
  patient_id   TEXT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  reason       TEXT NOT NULL
);
CREATE INDEX identity_event_patient ON identity_event (patient_id, at);

-- Likely duplicates flagged at creation; an identity-vigilance referent settles them.
CREATE TABLE patient_duplicate (
  patient_id        TEXT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  other_patient_id  TEXT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  reason            TEXT NOT NULL CHECK (reason IN ('SAME_INS', 'SAME_TRAITS')),
  flagged_at        TEXT NOT NULL,
  PRIMARY KEY (patient_id, other_patient_id)
);

-- Professionals known to the team (RPPS directory entries or local entries).
CREATE TABLE professional (
  id               TEXT PRIMARY KEY,
  family_name      TEXT NOT NULL,
  given_name       TEXT NOT NULL,
  profession       TEXT NOT NULL,
  rpps             TEXT UNIQUE,
  mssante_address  TEXT,
  phone            TEXT,
  created_at       TEXT NOT NULL
);

-- The cercle de soins: who plays which role for a patient, and since when.
CREATE TABLE care_team_member (
  id               TEXT PRIMARY KEY,
  patient_id       TEXT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  professional_id  TEXT NOT NULL REFERENCES professional (id),
  role             TEXT NOT NULL,
  start_date       TEXT NOT NULL,
  end_date         TEXT,
  UNIQUE (patient_id, professional_id, role, start_date)
);
CREATE INDEX care_team_member_patient ON care_team_member (patient_id);
CREATE INDEX care_team_member_professional ON care_team_member (professional_id, role);

-- Who did what, written in the same transaction as the action it records.
CREATE TABLE audit_event (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  workstation  TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  patient_id   TEXT,
  detail       TEXT
);
CREATE INDEX audit_event_patient ON audit_event (patient_id, seq);
