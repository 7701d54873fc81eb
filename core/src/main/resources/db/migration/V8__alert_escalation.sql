-- Relais schema, version 8: an alert creates a review task for the responsible role; unacknowledged past its
-- deadline it escalates (a second task, for the physician) once.
ALTER TABLE task ADD COLUMN alert_id TEXT REFERENCES alert (id);
CREATE INDEX task_alert ON task (alert_id);
ALTER TABLE alert ADD COLUMN escalated_at TEXT;
