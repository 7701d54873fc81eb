-- Relais schema, version 40: responses other tools wrote on the team server to questionnaires Relais does not ship
-- (a hospital's Braden scale, a platform's own form). Relais cannot score them, but the nurse sees them in the patient
-- file as they were answered: each question's text and its answer, as text. Read only: the server's response is never
-- sent back; a newer version received replaces the answers.
CREATE TABLE foreign_response (
  id             TEXT PRIMARY KEY,
  patient_id     TEXT NOT NULL REFERENCES patient (id),
  questionnaire  TEXT,                -- the canonical the response names, as written
  authored_at    TEXT,
  author         TEXT,                -- who answered or recorded it, as the response names them
  status         TEXT NOT NULL        -- the FHIR status (completed, amended, entered-in-error...)
);
CREATE INDEX foreign_response_patient ON foreign_response (patient_id, authored_at);

CREATE TABLE foreign_response_answer (
  response_id  TEXT NOT NULL REFERENCES foreign_response (id),
  position     INTEGER NOT NULL,      -- order in the response (nested items flattened)
  question     TEXT NOT NULL,         -- the item's text, else its linkId
  answer       TEXT NOT NULL,         -- the answers as text, separated by ", "
  PRIMARY KEY (response_id, position)
);
