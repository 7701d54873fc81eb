-- Relais schema, version 6: questionnaires (PROMs, versioned definitions) and the patients' responses.
CREATE TABLE questionnaire (
  id           TEXT NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  definition   TEXT NOT NULL,                -- the validated definition, as JSON
  origin       TEXT NOT NULL CHECK (origin IN ('BUILTIN', 'IMPORTED')),
  imported_at  TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE questionnaire_response (
  id                     TEXT PRIMARY KEY,
  patient_id             TEXT NOT NULL REFERENCES patient (id),
  questionnaire_id       TEXT NOT NULL,
  questionnaire_version  INTEGER NOT NULL,
  answers                TEXT NOT NULL,        -- JSON array, null for an unanswered item
  authored_at            TEXT NOT NULL,
  score                  TEXT,                 -- NULL when the published rules say it cannot be computed
  band                   TEXT,
  score_measure_id       TEXT REFERENCES measure (id),
  recorded_by            TEXT NOT NULL,
  created_at             TEXT NOT NULL,
  FOREIGN KEY (questionnaire_id, questionnaire_version) REFERENCES questionnaire (id, version)
);
CREATE INDEX questionnaire_response_patient ON questionnaire_response (patient_id, questionnaire_id, authored_at);
