-- Relais schema, version 11: a questionnaire response typed for the wrong patient or misread is marked entered in
-- error (never deleted); its score measure and the alerts it raised are withdrawn with it.
ALTER TABLE questionnaire_response ADD COLUMN status TEXT NOT NULL DEFAULT 'COMPLETED'
  CHECK (status IN ('COMPLETED', 'ENTERED_IN_ERROR'));
ALTER TABLE questionnaire_response ADD COLUMN error_reason TEXT;
