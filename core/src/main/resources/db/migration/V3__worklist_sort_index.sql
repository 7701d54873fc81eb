-- The worklist sorts open tasks by priority then due time and shows the first page: an index in that order lets
-- SQLite stop after the page instead of sorting every open task.
CREATE INDEX task_open_rank_due ON task (is_open, priority_rank, due_at);
