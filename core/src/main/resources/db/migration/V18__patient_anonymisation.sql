-- Relais schema, version 18: when a patient's identity was removed (anonymisation on request or at the end of the
-- retention period, issue 9). The clinical record stays for the team's statistics, without anyone's name on it.
ALTER TABLE patient ADD COLUMN anonymised_at TEXT;
