-- When an open alert took its current level. A yellow alert turning red is re-planned as a red one from that moment:
-- its review task is due 4 h later and its escalation clock restarts there (docs/alerts.md). NULL: the level it was
-- opened with (the clock counts from opened_at, as before).
ALTER TABLE alert ADD COLUMN level_at TEXT;
