-- Relais schema, version 41: CarePlans other systems wrote on the team server (a hospital's discharge plan, a
-- platform's follow-up plan: a category that is not Relais's). Relais does not plan from them nor change them: it keeps
-- what the nurse needs to read in the patient file (title, status, period, author, activities in words); the plan
-- itself stays on the server as written (the sync link keeps the version read). Replaced with each version received.
CREATE TABLE foreign_care_plan (
  id          TEXT PRIMARY KEY,
  patient_id  TEXT NOT NULL REFERENCES patient (id),
  title       TEXT,                -- title, else description, else the category's text
  status      TEXT NOT NULL,       -- the FHIR status (draft, active, on-hold, revoked, completed...)
  start_date  TEXT,
  end_date    TEXT,
  author      TEXT                 -- the author's display (or the reference when it has none)
);
CREATE INDEX foreign_care_plan_patient ON foreign_care_plan (patient_id);

CREATE TABLE foreign_care_plan_activity (
  care_plan_id  TEXT NOT NULL REFERENCES foreign_care_plan (id),
  position      INTEGER NOT NULL,  -- order in the plan
  description   TEXT NOT NULL,     -- detail description, else code text or display, else the reference's display
  status        TEXT,              -- the FHIR activity status (not-started, scheduled, completed...), when given
  PRIMARY KEY (care_plan_id, position)
);

-- Another system's Task (kind FOREIGN) based on another system's CarePlan: the plan's local id, so that the patient
-- file shows the task under its plan. The plan may arrive after the task: no foreign key.
CREATE TABLE foreign_task_care_plan (
  task_id       TEXT PRIMARY KEY REFERENCES task (id),
  care_plan_id  TEXT NOT NULL
);
