-- Most open tasks are the patient's own (self-measures); the team worklist leaves them out. Partial indexes over
-- the open team tasks only let the first page be read in worklist order and the badge counts read an index alone.
-- The worklist query must spell the same terms (is_open = 1 AND role <> 'PATIENT', as literals) to use them.
CREATE INDEX task_team_open_order ON task (priority_rank, due_at) WHERE is_open = 1 AND role <> 'PATIENT';
CREATE INDEX task_team_open_due ON task (due_at, assignee_id, priority_rank, template_id) WHERE is_open = 1 AND role <> 'PATIENT';
-- A worklist for one role (IDEC, PATIENT...).
CREATE INDEX task_open_role_due ON task (is_open, role, due_at);
