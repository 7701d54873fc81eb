-- Relais schema, version 13: documents sent about a patient through secure messaging (MSSanté). A message is
-- recorded, with the document itself, before it is sent, so that a failure (network, refusal) leaves it visible
-- and retryable rather than lost; it records who sent what to whom and when.
CREATE TABLE outgoing_message (
  id            TEXT PRIMARY KEY,
  patient_id    TEXT NOT NULL REFERENCES patient (id),
  channel       TEXT NOT NULL CHECK (channel IN ('MSSANTE')),
  recipient     TEXT NOT NULL,
  label         TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  content       BLOB NOT NULL,
  content_sha1  TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  message_id    TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  sent_at       TEXT
);
CREATE INDEX outgoing_message_patient ON outgoing_message (patient_id, created_at);
CREATE INDEX outgoing_message_status ON outgoing_message (status);
