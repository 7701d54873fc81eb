-- Relais schema, version 51: the relatives other systems record for a patient (FHIR RelatedPerson: a son who is the
-- family carer), read so that the cercle de soins shows a relative by the name the RelatedPerson carries rather than
-- by what a CareTeam's reference happens to display. Relais never writes one, except to erase the relative's name,
-- phones and address when the patient is anonymised (the resource stays on the server, it is the other system's).
CREATE TABLE related_person (
  id          TEXT PRIMARY KEY,     -- local id derived from the server id (the same on every laptop)
  patient_id  TEXT NOT NULL REFERENCES patient (id),
  name        TEXT,                 -- "KERBRAT Yann", as the RelatedPerson names them; null once erased or absent
  updated_at  TEXT NOT NULL
);
CREATE INDEX related_person_patient ON related_person (patient_id);

-- A professional another system lists in the patient's care team who is also a member made here (the hospital's
-- "Infirmier" who joins as the IDE libérale): the participant names the professional Relais holds, so that the patient
-- file shows one person with both roles rather than the same name twice. Null for everyone else.
ALTER TABLE care_team_other_participant ADD COLUMN professional_id TEXT;
