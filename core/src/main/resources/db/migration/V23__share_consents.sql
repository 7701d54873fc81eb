-- Consents are shared with the team server from now on, so that a withdrawal recorded on one workstation is honoured
-- by all: queue the ones recorded before, oldest first.
INSERT INTO outbox (resource_type, local_id, created_at)
SELECT 'Consent', id, recorded_at FROM consent ORDER BY recorded_at, rowid;
