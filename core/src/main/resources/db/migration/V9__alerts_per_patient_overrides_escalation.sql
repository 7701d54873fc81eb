-- Relais schema, version 9: alerts that belong to the patient rather than to one pathway (a significant answer to a
-- questionnaire must alert even for a patient in no pathway), trend and answer rules, an escalation chain, and
-- per-patient threshold overrides with their history.
--
-- SQLite cannot drop a NOT NULL constraint: alert and task are rebuilt (create, copy, drop, rename). Foreign keys
-- must be off while the parent table is swapped, which SQLite only allows outside a transaction, so this script runs
-- outside Flyway's transaction (V9__...sql.conf) and opens its own. Rows keep their ids, so no reference dangles
-- (DatabaseTest migrates a V8 store with data and runs foreign_key_check).
PRAGMA foreign_keys = OFF;
SAVEPOINT schema_v9;  -- a transaction (Flyway's SQLite parser takes BEGIN for a trigger block)

CREATE TABLE alert_v9 (
  id               TEXT PRIMARY KEY,
  patient_id       TEXT NOT NULL REFERENCES patient (id),
  enrollment_id    TEXT REFERENCES enrollment (id),   -- NULL: a patient-level alert (significant answer)
  rule_id          TEXT NOT NULL,
  code             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('ABSOLUTE', 'RELATIVE', 'TREND', 'MISSING', 'ANSWER')),
  level            TEXT NOT NULL CHECK (level IN ('YELLOW', 'RED')),
  status           TEXT NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED', 'WITHDRAWN')),
  is_open          INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  explanation      TEXT NOT NULL,
  opened_at        TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  status_by        TEXT,
  status_reason    TEXT,
  escalated_at     TEXT,                               -- last escalation
  escalation_step  INTEGER NOT NULL DEFAULT 0          -- how far along the escalation chain it went
);
INSERT INTO alert_v9 (id, patient_id, enrollment_id, rule_id, code, kind, level, status, is_open, explanation, opened_at,
                      updated_at, status_by, status_reason, escalated_at, escalation_step)
SELECT id, patient_id, enrollment_id, rule_id, code, kind, level, status, is_open, explanation, opened_at, updated_at,
       status_by, status_reason, escalated_at, CASE WHEN escalated_at IS NULL THEN 0 ELSE 1 END
FROM alert;
DROP TABLE alert;
ALTER TABLE alert_v9 RENAME TO alert;
-- No alert storm: at most one open (or acknowledged) alert per patient, pathway and rule.
CREATE UNIQUE INDEX alert_one_open_per_rule ON alert (patient_id, ifnull(enrollment_id, ''), rule_id) WHERE is_open = 1;
CREATE INDEX alert_enrollment_rule ON alert (enrollment_id, rule_id, is_open);
CREATE INDEX alert_open ON alert (is_open, level, opened_at);
CREATE INDEX alert_patient ON alert (patient_id, opened_at);

CREATE TABLE task_v9 (
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
  alert_id         TEXT REFERENCES alert (id),
  UNIQUE (enrollment_id, step_id, occurrence)
);
INSERT INTO task_v9 (id, enrollment_id, patient_id, template_id, step_id, occurrence, kind, title_fr, title_en, role,
                     assignee_id, priority, priority_rank, status, is_open, business_status, due_at, expires_at, outcome,
                     note, created_at, updated_at, alert_id)
SELECT id, enrollment_id, patient_id, template_id, step_id, occurrence, kind, title_fr, title_en, role, assignee_id,
       priority, priority_rank, status, is_open, business_status, due_at, expires_at, outcome, note, created_at,
       updated_at, alert_id
FROM task;
DROP TABLE task;
ALTER TABLE task_v9 RENAME TO task;
-- The indexes of V2, V3, V4 and V8, unchanged (see those migrations for why each exists).
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

-- The questionnaire responses behind an answer alert (measures behind value alerts are in alert_measure).
CREATE TABLE alert_response (
  alert_id     TEXT NOT NULL REFERENCES alert (id),
  response_id  TEXT NOT NULL REFERENCES questionnaire_response (id),
  level        TEXT NOT NULL,
  PRIMARY KEY (alert_id, response_id)
);

-- A physician's thresholds for one patient, replacing a pathway rule from valid_from until valid_to (NULL: still in
-- force). Rows are never updated except to close them, so the thresholds in force at any past time can be shown.
CREATE TABLE threshold_override (
  id             TEXT PRIMARY KEY,
  patient_id     TEXT NOT NULL REFERENCES patient (id),
  template_id    TEXT NOT NULL,
  rule_id        TEXT NOT NULL,
  definition     TEXT,                 -- the rule as JSON (alertRules syntax); NULL: back to the pathway's rule
  valid_from     TEXT NOT NULL,
  valid_to       TEXT,
  prescriber_id  TEXT NOT NULL REFERENCES professional (id),
  set_by         TEXT NOT NULL,        -- the user who entered it
  reason         TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX threshold_override_patient ON threshold_override (patient_id, template_id, rule_id, valid_from);
CREATE UNIQUE INDEX threshold_override_current ON threshold_override (patient_id, template_id, rule_id) WHERE valid_to IS NULL;

RELEASE schema_v9;
PRAGMA foreign_keys = ON;
