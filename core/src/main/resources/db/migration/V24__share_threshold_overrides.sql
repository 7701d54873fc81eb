-- Per-patient thresholds are shared with the team server from now on, so that every workstation judges a patient's
-- measures by the physician's thresholds: queue the ones recorded before, in the order they were recorded.
INSERT INTO outbox (resource_type, local_id, created_at)
SELECT 'ThresholdOverride', id, created_at FROM threshold_override ORDER BY created_at, rowid;
