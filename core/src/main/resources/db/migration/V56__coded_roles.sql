-- Relais schema, version 56: the codes behind the words other systems give a relative's relationship ("Daughter",
-- HL7 v3 RoleCode DAU) and a care team participant's role ("Hospice care", SNOMED CT 385763009). Relais showed the
-- other system's English words; with the code kept beside them it shows the French of the codes it knows (wording
-- bundle, docs/sync.md) and the other system's words for any other code. Read only: Relais never writes these codes
-- back; the server's resources keep them as written.
ALTER TABLE related_person ADD COLUMN relationship_system TEXT;   -- "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
ALTER TABLE related_person ADD COLUMN relationship_code TEXT;     -- "DAU"
ALTER TABLE related_person ADD COLUMN relationship_display TEXT;  -- the other system's words ("Daughter"), or its text

ALTER TABLE care_team_other_participant ADD COLUMN role_system TEXT;  -- the code system of the participant's role, if coded
ALTER TABLE care_team_other_participant ADD COLUMN role_code TEXT;
-- The relative a RelatedPerson participant names (related_person.id, the local id derived from the server id), so
-- that the cercle de soins shows the relationship the relative's own record gives. Null for any other participant.
ALTER TABLE care_team_other_participant ADD COLUMN relative_id TEXT;
