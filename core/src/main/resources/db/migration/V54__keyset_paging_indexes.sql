-- Relais schema, version 54: indexes in each list's complete sort order, so that a page is read by seeking the last
-- row shown (keyset paging, docs/architecture.md) instead of counting past every row before it (OFFSET): any page at
-- any depth costs about the same as the first.
-- Worklist of the team (every role but the patient's own measures): priority, due time, then the task id, which makes
-- the order total. It replaces task_team_open_order (V4), its prefix.
DROP INDEX IF EXISTS task_team_open_order;
CREATE INDEX task_team_open_order ON task (priority_rank, due_at, id) WHERE is_open = 1 AND role <> 'PATIENT';
-- One professional's worklist, and one role's.
CREATE INDEX task_assignee_open_order ON task (assignee_id, priority_rank, due_at, id) WHERE is_open = 1;
CREATE INDEX task_role_open_order ON task (role, priority_rank, due_at, id) WHERE is_open = 1;
-- The patient list, live records only: family name in use, birth given names, id (PatientRepository.displayOrder).
CREATE INDEX patient_display_order ON patient (coalesce(used_family_name, birth_family_name), birth_given_names, id)
  WHERE replaced_by IS NULL;
