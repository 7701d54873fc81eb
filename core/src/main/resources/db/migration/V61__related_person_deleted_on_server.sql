-- Relais schema, version 61: when another system deleted a relative's RelatedPerson on the team server (issue 22).
-- The relative leaves the patient's contacts (a CareTeam participant naming them is no longer shown) but the row
-- stays: its name and relationship are the history of who was in the patient's circle. Null while the server holds
-- the RelatedPerson; cleared when the server holds it again (written back by the other system).
ALTER TABLE related_person ADD COLUMN deleted_on_server_at TEXT;
