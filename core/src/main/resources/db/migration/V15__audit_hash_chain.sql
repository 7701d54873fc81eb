-- Relais schema, version 15: the audit trail becomes tamper-evident. Each event carries the hash of the event before it
-- and its own hash (SHA-256 over its fields and that link), so that changing, removing or inserting an event breaks
-- the chain where it happened (relais audit verify). Events recorded before this version have no hash: the chain starts
-- after them.
ALTER TABLE audit_event ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_event ADD COLUMN hash TEXT;
