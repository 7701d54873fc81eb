-- Relais schema, version 62: documents a hospital sends about a patient (issue 28, docs/hospital-events.md), the
-- discharge letter first: an HL7 v2.5 MDM^T02 message over the same MLLP listener as the ADT messages, the document
-- in OBX-5 (ED, Base64), kept as the bytes it came as. Identity vigilance is the ADT messages' one (INS when
-- qualified, else the sender's IPP in the sender's namespace, never the name): a document that matches nobody, or
-- more than one patient, waits in the identity queue (patient_id null, state QUEUED) until a person links it.
CREATE TABLE hospital_document (
  id                   TEXT PRIMARY KEY,
  sender_application   TEXT NOT NULL,                -- MSH-3
  sender_facility      TEXT NOT NULL,                -- MSH-4 (name^OID^ISO as received)
  control_id           TEXT NOT NULL,                -- MSH-10: unique per sender, a repeat is a duplicate
  patient_id           TEXT REFERENCES patient (id), -- null while the document waits in the identity queue
  stay_id              TEXT REFERENCES hospital_stay (id) ON DELETE SET NULL, -- the stay it belongs to, when one matches
  state                TEXT NOT NULL CHECK (state IN ('QUEUED', 'FILED')),
  queue_reason         TEXT CHECK (queue_reason IN ('UNMATCHED', 'AMBIGUOUS')),
  ins                  TEXT,                         -- the INS of PID-3 as "matricule^OID", null when none
  identity_status      TEXT,                         -- PID-32 as received (QUAL, PROV, VALI...)
  ipp                  TEXT,                         -- the sender's IPP (PID-3 of type PI) as "value^authority OID"
  visit_number         TEXT,                         -- PV1-19, as received
  type_code            TEXT,                         -- OBX-3.1 (LOINC when OBX-3.3 is LN, e.g. 11490-0), else TXA-2
  type_system          TEXT,                         -- OBX-3.3 (LN, TRE_A05...)
  title                TEXT,                         -- OBX-3.2, the document's title as the sender wrote it
  author               TEXT,                         -- TXA-9 (or TXA-5), "given family" as received
  facility             TEXT NOT NULL,                -- MSH-4 component 1 (the facility's name), else its OID
  document_at          TEXT NOT NULL,                -- TXA-4, else TXA-6, else EVN-2, else MSH-7
  document_number      TEXT,                         -- TXA-12, the sender's unique document number
  mime_type            TEXT NOT NULL,                -- OBX-5.2 / OBX-5.3, e.g. application/pdf
  content              BLOB NOT NULL,                -- OBX-5.5 Base64-decoded: the bytes as the hospital made them
  received_at          TEXT NOT NULL,
  UNIQUE (sender_application, sender_facility, control_id)
);
CREATE INDEX hospital_document_patient ON hospital_document (patient_id, document_at);
CREATE INDEX hospital_document_queue ON hospital_document (state) WHERE state = 'QUEUED';
