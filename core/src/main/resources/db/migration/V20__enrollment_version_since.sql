-- The first day an enrollment follows its current template version: its start, or the day it was moved to that
-- version. Every laptop plans a moved enrollment from that day, so they all derive the same tasks.
ALTER TABLE enrollment ADD COLUMN version_since TEXT;
UPDATE enrollment SET version_since = start_date;
