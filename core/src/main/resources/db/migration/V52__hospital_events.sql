-- Relais schema, version 52: hospital admissions and discharges received as HL7 v2.5 ADT messages (IHE PAM, French
-- extension; docs/hospital-events.md). Every message is kept as received, for audit, before it is acknowledged; the
-- patient it concerns is decided by identity vigilance (INS when qualified, else the sender's IPP in the sender's
-- namespace, never the name), and a message that matches nobody, or more than one patient, waits in the identity queue
-- with nothing applied.
CREATE TABLE hospital_event (
  id                       TEXT PRIMARY KEY,
  sender_application       TEXT NOT NULL,      -- MSH-3
  sender_facility          TEXT NOT NULL,      -- MSH-4 (name^OID^ISO as received)
  control_id               TEXT NOT NULL,      -- MSH-10: unique per sender, a repeat is a duplicate
  event_type               TEXT NOT NULL,      -- A01, A03, A11...
  movement_id              TEXT,               -- ZBE-1
  movement_action          TEXT,               -- ZBE-4: INSERT, UPDATE, CANCEL
  event_at                 TEXT,               -- ZBE-2, else EVN-6, else EVN-2
  patient_class            TEXT,               -- PV1-2
  location                 TEXT,               -- PV1-3 as "unit / room / bed"
  expected_discharge_date  TEXT,               -- PV2-9
  diagnoses                TEXT,               -- DG1-3 codes (CIM-10), separated by spaces; null when none
  identity_status          TEXT,               -- PID-32 as received (QUAL, PROV, VALI...)
  ins                      TEXT,               -- the INS in PID-3 as "matricule^OID", null when none
  ipp                      TEXT,               -- the sender's IPP (PID-3 of type PI) as "value^authority OID"
  patient_id               TEXT REFERENCES patient (id), -- null while the message waits in the identity queue
  state                    TEXT NOT NULL CHECK (state IN ('QUEUED', 'APPLIED', 'RECORDED', 'UNDONE', 'FAILED')),
  queue_reason             TEXT CHECK (queue_reason IN ('UNMATCHED', 'AMBIGUOUS')),
  raw_message              TEXT NOT NULL,      -- the message as received, segments separated by carriage returns
  received_at              TEXT NOT NULL,
  UNIQUE (sender_application, sender_facility, control_id)
);
CREATE INDEX hospital_event_patient ON hospital_event (patient_id, event_at);
CREATE INDEX hospital_event_queue ON hospital_event (state) WHERE state = 'QUEUED';

-- Who is in hospital: one row per admission, closed by the discharge; an admission cancelled (A11) is deleted with
-- what it did, a discharge cancelled (A13) reopens the stay.
CREATE TABLE hospital_stay (
  id                       TEXT PRIMARY KEY,
  patient_id               TEXT NOT NULL REFERENCES patient (id),
  admission_event_id       TEXT NOT NULL REFERENCES hospital_event (id),
  admitted_at              TEXT NOT NULL,
  facility                 TEXT NOT NULL,
  location                 TEXT,
  expected_discharge_date  TEXT,
  discharge_event_id       TEXT REFERENCES hospital_event (id),
  discharged_at            TEXT
);
CREATE INDEX hospital_stay_patient ON hospital_stay (patient_id, admitted_at);

-- What each applied event did, so that its cancellation undoes exactly that: a task held or created, a location
-- replaced, a proposal made to the nurse (resume or enrol in a pathway) and what she decided.
CREATE TABLE hospital_effect (
  id          TEXT PRIMARY KEY,
  event_id    TEXT NOT NULL REFERENCES hospital_event (id),
  kind        TEXT NOT NULL CHECK (kind IN ('TASK_HELD', 'TASK_CREATED', 'LOCATION_CHANGED', 'PROPOSAL')),
  target      TEXT,                -- the task id, the former location, or the template id a proposal names
  state       TEXT NOT NULL CHECK (state IN ('DONE', 'UNDONE', 'PROPOSED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
  decided_at  TEXT,
  decided_by  TEXT
);
CREATE INDEX hospital_effect_event ON hospital_effect (event_id);

-- An IPP of another facility a person linked to a patient from the identity queue: the next message with the same IPP
-- in the same namespace finds the patient without waiting again.
CREATE TABLE hospital_patient_link (
  authority   TEXT NOT NULL,       -- the OID of the IPP's assigning authority (PID-3.4.2)
  ipp         TEXT NOT NULL,
  patient_id  TEXT NOT NULL REFERENCES patient (id),
  linked_at   TEXT NOT NULL,
  linked_by   TEXT NOT NULL,
  PRIMARY KEY (authority, ipp)
);
