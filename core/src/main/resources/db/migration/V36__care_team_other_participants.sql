-- Relais schema, version 36: the participants of a patient's CareTeam on the team server that are no Relais
-- membership: another system's (a PractitionerRole, a RelatedPerson such as a family carer, the patient, an
-- Organization, a Practitioner in a role Relais does not name). They are kept as received so that the patient file
-- shows who else takes part; the server keeps them too (a push patches the server's CareTeam, it never rebuilds it).
-- Replaced as a whole with each CareTeam version received; Relais never edits them.
CREATE TABLE care_team_other_participant (
  patient_id  TEXT NOT NULL REFERENCES patient (id),
  position    INTEGER NOT NULL,      -- order in the server's CareTeam
  kind        TEXT NOT NULL,         -- the member's FHIR resource type (RelatedPerson, Organization...)
  name        TEXT,                  -- the member's name as Relais knows it, else as the reference displays it
  role        TEXT,                  -- the role as the other system wrote it (text or display)
  start_date  TEXT,
  end_date    TEXT,
  PRIMARY KEY (patient_id, position)
);
