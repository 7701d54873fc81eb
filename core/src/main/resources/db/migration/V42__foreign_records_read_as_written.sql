-- A birth date received with only its year or its year and month (FHIR date "1939", "1939-04"): birth_date keeps its
-- first day (ages, searches), birth_date_precision says how much of it is known (YEAR, MONTH, DAY), so that nothing
-- shows or sends a day or month nobody gave. Dates typed here are whole.
ALTER TABLE patient ADD COLUMN birth_date_precision TEXT NOT NULL DEFAULT 'DAY';

-- A measure another system sent as text (a weight as "72 kg environ", valueString instead of valueQuantity): Relais
-- does not guess a number from it, so it is neither a measure nor judged; it is kept as written and shown in the
-- patient file ("valeur en texte : « … », non interprétée"). Read only: never sent back; a newer version replaces it.
CREATE TABLE text_measure (
  id            TEXT PRIMARY KEY,
  patient_id    TEXT NOT NULL REFERENCES patient (id),
  code          TEXT NOT NULL,        -- the LOINC code of what was measured (29463-7 body weight...)
  text          TEXT NOT NULL,        -- the value as written
  effective_at  TEXT NOT NULL,
  status        TEXT NOT NULL         -- the FHIR status (final, amended, entered-in-error...)
);
CREATE INDEX text_measure_patient ON text_measure (patient_id, effective_at);

-- Organizations other systems wrote on the team server (a hospital, an HAD, a pharmacy), read so that what names them
-- (a CareTeam participant, a patient's managing organization) shows their name. Read only: Relais never writes one.
CREATE TABLE organization (
  id         TEXT PRIMARY KEY,         -- local id derived from the server id
  name       TEXT,                     -- Organization.name, else its first alias
  updated_at TEXT NOT NULL
);

-- The organization a patient received from the server is attached to (Patient.managingOrganization), by local id; the
-- Organization itself may arrive later (the name is looked up when shown).
CREATE TABLE patient_organization (
  patient_id       TEXT PRIMARY KEY REFERENCES patient (id),
  organization_id  TEXT NOT NULL
);
