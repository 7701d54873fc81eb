-- Relais schema, version 2: pathway templates (versioned), enrollments (the patient's care plan / PPCS) and tasks.

CREATE TABLE pathway_template (
  id           TEXT NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  title_fr     TEXT NOT NULL,
  title_en     TEXT NOT NULL,
  definition   TEXT NOT NULL,                 -- the validated template, as canonical JSON
  origin       TEXT NOT NULL CHECK (origin IN ('BUILTIN', 'IMPORTED')),
  imported_at  TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE enrollment (
  id                 TEXT PRIMARY KEY,
  patient_id         TEXT NOT NULL REFERENCES patient (id),
  template_id        TEXT NOT NULL,
  template_version   INTEGER NOT NULL,
  start_date         TEXT NOT NULL,
  end_date           TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'COMPLETED', 'STOPPED')),
  status_reason      TEXT,
  status_changed_at  TEXT NOT NULL,
  planned_until      TEXT NOT NULL,             -- recurring tasks exist up to this date (rolling horizon)
  created_at         TEXT NOT NULL,
  FOREIGN KEY (template_id, template_version) REFERENCES pathway_template (id, version)
);
CREATE INDEX enrollment_patient ON enrollment (patient_id);
CREATE INDEX enrollment_template ON enrollment (template_id, status);
CREATE INDEX enrollment_active ON enrollment (status, planned_until);

CREATE TABLE task (
  id               TEXT PRIMARY KEY,
  enrollment_id    TEXT NOT NULL REFERENCES enrollment (id),
  patient_id       TEXT NOT NULL REFERENCES patient (id),
  template_id      TEXT NOT NULL,              -- copied from the enrollment: the worklist filters on it
  step_id          TEXT NOT NULL,
  occurrence       INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  title_fr         TEXT NOT NULL,
  title_en         TEXT NOT NULL,
  role             TEXT NOT NULL,
  assignee_id      TEXT REFERENCES professional (id),  -- NULL: in the team queue for the role
  priority         TEXT NOT NULL CHECK (priority IN ('ROUTINE', 'URGENT', 'ASAP', 'STAT')),
  priority_rank    INTEGER NOT NULL,           -- STAT 0 .. ROUTINE 3, for sorting
  status           TEXT NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED',
                                                   'CANCELLED', 'FAILED', 'ENTERED_IN_ERROR')),
  is_open          INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  business_status  TEXT,                       -- e.g. EXPIRED, PATHWAY_STOPPED
  due_at           TEXT NOT NULL,
  expires_at       TEXT,
  outcome          TEXT,
  note             TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (enrollment_id, step_id, occurrence)  -- a recurring step never produces the same occurrence twice
);
-- Worklist: open tasks by due time, optionally narrowed by assignee, role, pathway or patient.
CREATE INDEX task_open_due ON task (is_open, due_at);
CREATE INDEX task_assignee_due ON task (assignee_id, is_open, due_at);
CREATE INDEX task_role_due ON task (role, is_open, due_at);
CREATE INDEX task_template_due ON task (template_id, is_open, due_at);
CREATE INDEX task_patient ON task (patient_id, is_open, due_at);
CREATE INDEX task_enrollment ON task (enrollment_id, step_id);
CREATE INDEX task_expiry ON task (is_open, expires_at);

CREATE TABLE task_event (
  id           TEXT PRIMARY KEY,
  task_id      TEXT NOT NULL REFERENCES task (id),
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  change       TEXT NOT NULL,                  -- CREATE, STATUS, ASSIGN, POSTPONE
  note         TEXT
);
CREATE INDEX task_event_task ON task_event (task_id, at);
