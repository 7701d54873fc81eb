-- Relais schema, version 55 (issue 29): feeding the patient's DMP (Mon espace santé).
--
-- 1. The patient may object to their DMP being fed (code de la santé publique, L1111-15: the professional feeds it
--    unless the patient objects for a legitimate reason). Like sharing with the cercle de soins, it is presumed and
--    recorded as a consent of scope DMP_FEEDING only when needed: a withdrawn one is the patient's opposition. SQLite
--    cannot change a CHECK constraint, so consent is rebuilt with the same columns, rows and index. No table refers
--    to consent, so the swap needs no foreign-key pause.
CREATE TABLE consent_v55 (
  id                 TEXT PRIMARY KEY,
  patient_id         TEXT NOT NULL REFERENCES patient (id),
  scope              TEXT NOT NULL CHECK (scope IN ('CARE_TEAM_SHARING', 'EMERGENCY_PLAN_SHARING', 'TELEMONITORING', 'DMP_FEEDING')),
  collected_by       TEXT NOT NULL,
  collected_on       TEXT NOT NULL,
  recorded_at        TEXT NOT NULL,
  recorded_by        TEXT NOT NULL,
  withdrawn_at       TEXT,
  withdrawn_by       TEXT,
  withdrawal_reason  TEXT,
  source             TEXT NOT NULL DEFAULT 'COLLECTED' CHECK (source IN ('COLLECTED', 'PAPER')),
  source_reason      TEXT
);
INSERT INTO consent_v55 (id, patient_id, scope, collected_by, collected_on, recorded_at, recorded_by, withdrawn_at,
                         withdrawn_by, withdrawal_reason, source, source_reason)
SELECT id, patient_id, scope, collected_by, collected_on, recorded_at, recorded_by, withdrawn_at, withdrawn_by,
       withdrawal_reason, source, source_reason FROM consent;
DROP TABLE consent;
ALTER TABLE consent_v55 RENAME TO consent;
CREATE INDEX consent_patient ON consent (patient_id, scope);

-- 2. Each document filed in the DMP: which of the patient's documents (kind), the DocumentReference the DMP keeps
--    for it, and the one it replaced. A new pathway report or urgent care plan replaces the previous filing of the
--    same kind (MHD relatesTo "replaces"), so the DMP shows one current version.
CREATE TABLE dmp_filing (
  id                      TEXT PRIMARY KEY,
  patient_id              TEXT NOT NULL REFERENCES patient (id),
  kind                    TEXT NOT NULL CHECK (kind IN ('PATHWAY_REPORT', 'URGENT_CARE_PLAN')),
  document_reference      TEXT NOT NULL,
  replaces                TEXT,
  sha1                    TEXT NOT NULL,
  filed_at                TEXT NOT NULL,
  filed_by                TEXT NOT NULL
);
CREATE INDEX dmp_filing_patient ON dmp_filing (patient_id, kind, filed_at);
