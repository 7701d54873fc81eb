-- Relais schema, version 21: a pathway moved to another template version plans that version's occurrences even when
-- it keeps the old version's step ids (the usual case). The old rule "one task per enrollment, step and occurrence"
-- counted the old version's tasks that the move cancelled, so the new ones were never created. It now ignores those
-- (business status VERSION_CHANGED); the new tasks' ids name the move (Task.plannedId).
--
-- SQLite cannot drop a table constraint: task is rebuilt as in V9 (same columns, ids and indexes), outside Flyway's
-- transaction with foreign keys off while it is swapped (V21__...sql.conf).
PRAGMA foreign_keys = OFF;
SAVEPOINT schema_v21;

CREATE TABLE task_v21 (
  id               TEXT PRIMARY KEY,
  enrollment_id    TEXT REFERENCES enrollment (id),    -- NULL: the work of a patient-level alert
  patient_id       TEXT NOT NULL REFERENCES patient (id),
  template_id      TEXT,
  step_id          TEXT NOT NULL,
  occurrence       INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  title_fr         TEXT NOT NULL,
  title_en         TEXT NOT NULL,
  role             TEXT NOT NULL,
  assignee_id      TEXT REFERENCES professional (id),
  priority         TEXT NOT NULL CHECK (priority IN ('ROUTINE', 'URGENT', 'ASAP', 'STAT')),
  priority_rank    INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED',
                                                   'CANCELLED', 'FAILED', 'ENTERED_IN_ERROR')),
  is_open          INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  business_status  TEXT,
  due_at           TEXT NOT NULL,
  expires_at       TEXT,
  outcome          TEXT,
  note             TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  alert_id         TEXT REFERENCES alert (id)
);
INSERT INTO task_v21 (id, enrollment_id, patient_id, template_id, step_id, occurrence, kind, title_fr, title_en, role,
                     assignee_id, priority, priority_rank, status, is_open, business_status, due_at, expires_at, outcome,
                     note, created_at, updated_at, alert_id)
SELECT id, enrollment_id, patient_id, template_id, step_id, occurrence, kind, title_fr, title_en, role, assignee_id,
       priority, priority_rank, status, is_open, business_status, due_at, expires_at, outcome, note, created_at,
       updated_at, alert_id
FROM task;
DROP TABLE task;
ALTER TABLE task_v21 RENAME TO task;
-- The indexes of V2, V3, V4, V8 and V9, unchanged (see those migrations for why each exists).
CREATE INDEX task_open_due ON task (is_open, due_at);
CREATE INDEX task_assignee_due ON task (assignee_id, is_open, due_at);
CREATE INDEX task_role_due ON task (role, is_open, due_at);
CREATE INDEX task_template_due ON task (template_id, is_open, due_at);
CREATE INDEX task_patient ON task (patient_id, is_open, due_at);
CREATE INDEX task_enrollment ON task (enrollment_id, step_id);
CREATE INDEX task_expiry ON task (is_open, expires_at);
CREATE INDEX task_open_rank_due ON task (is_open, priority_rank, due_at);
CREATE INDEX task_team_open_order ON task (priority_rank, due_at) WHERE is_open = 1 AND role <> 'PATIENT';
CREATE INDEX task_team_open_due ON task (due_at, assignee_id, priority_rank, template_id) WHERE is_open = 1 AND role <> 'PATIENT';
CREATE INDEX task_open_role_due ON task (is_open, role, due_at);
CREATE INDEX task_alert ON task (alert_id);
CREATE UNIQUE INDEX task_one_per_occurrence ON task (enrollment_id, step_id, occurrence)
  WHERE business_status IS NOT 'VERSION_CHANGED';

RELEASE schema_v21;
PRAGMA foreign_keys = ON;
