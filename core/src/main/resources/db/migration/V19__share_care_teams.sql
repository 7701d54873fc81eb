-- Professionals and cercles de soins are shared with the team server from now on: queue the ones recorded before,
-- professionals first (a CareTeam names its members' Practitioners, which the server must already hold).
INSERT INTO outbox (resource_type, local_id, created_at)
SELECT 'Professional', id, created_at FROM professional ORDER BY created_at, rowid;
INSERT INTO outbox (resource_type, local_id, created_at)
SELECT DISTINCT 'CareTeam', patient_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM care_team_member;
