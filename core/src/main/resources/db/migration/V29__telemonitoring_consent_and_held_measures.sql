-- Relais schema, version 29 (issue 21): telemonitoring consent is read.
-- A consent says how it was collected: COLLECTED (recorded with `consent add`, the collector named) or PAPER (a
-- signed form seen by the professional who enrolled the patient, declared at enrollment with a reason; audited).
ALTER TABLE consent ADD COLUMN source TEXT NOT NULL DEFAULT 'COLLECTED' CHECK (source IN ('COLLECTED', 'PAPER'));
ALTER TABLE consent ADD COLUMN source_reason TEXT;

-- Measures from a patient's devices (CSV import, sync pull, device feed) that arrive while the patient's
-- telemonitoring consent is withdrawn: stored, shown, but held out of alert judgement until the patient consents
-- again (then released_at is set and the alert engine judges them). The measure row itself is unchanged.
CREATE TABLE measure_hold (
  measure_id   TEXT PRIMARY KEY REFERENCES measure (id),
  held_at      TEXT NOT NULL,
  released_at  TEXT
);
