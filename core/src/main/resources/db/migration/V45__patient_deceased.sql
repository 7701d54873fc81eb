-- A patient another system records as deceased (FHIR Patient.deceasedBoolean / deceasedDateTime), written as each
-- Patient is read from the server; no row: not known to be deceased. deceased_on is the Paris day of death when the
-- record gives at least a day, NULL when it says only that the patient died (or gives a year or month only).
CREATE TABLE patient_deceased (
  patient_id   TEXT PRIMARY KEY REFERENCES patient (id),
  deceased_on  TEXT
);
