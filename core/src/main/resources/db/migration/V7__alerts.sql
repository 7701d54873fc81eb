-- Relais schema, version 7: alerts raised by measures against the rules of the patient's pathways.
CREATE TABLE alert (
  id              TEXT PRIMARY KEY,
  patient_id      TEXT NOT NULL REFERENCES patient (id),
  enrollment_id   TEXT NOT NULL REFERENCES enrollment (id),
  rule_id         TEXT NOT NULL,
  code            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('ABSOLUTE', 'RELATIVE', 'MISSING')),
  level           TEXT NOT NULL CHECK (level IN ('YELLOW', 'RED')),
  status          TEXT NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED', 'WITHDRAWN')),
  is_open         INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  explanation     TEXT NOT NULL,           -- JSON: the rule, the values and the thresholds in force
  opened_at       TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  status_by       TEXT,
  status_reason   TEXT
);
-- No alert storm: at most one open (or acknowledged) alert per enrollment and rule; new values attach to it.
CREATE UNIQUE INDEX alert_one_open_per_rule ON alert (enrollment_id, rule_id) WHERE is_open = 1;
CREATE INDEX alert_open ON alert (is_open, level, opened_at);
CREATE INDEX alert_patient ON alert (patient_id, opened_at);

-- The measures that triggered (or were attached to) an alert: an entered-in-error measure withdraws what it caused.
CREATE TABLE alert_measure (
  alert_id    TEXT NOT NULL REFERENCES alert (id),
  measure_id  TEXT NOT NULL REFERENCES measure (id),
  level       TEXT NOT NULL,
  PRIMARY KEY (alert_id, measure_id)
);
CREATE INDEX alert_measure_measure ON alert_measure (measure_id);

-- Every status change of an alert: who, when, why.
CREATE TABLE alert_event (
  id          TEXT PRIMARY KEY,
  alert_id    TEXT NOT NULL REFERENCES alert (id),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  level       TEXT NOT NULL,
  reason      TEXT
);
CREATE INDEX alert_event_alert ON alert_event (alert_id, at);
