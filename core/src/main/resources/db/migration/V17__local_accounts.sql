-- Relais schema, version 17: local accounts of the workstation (issue 9). Roles are a comma-separated list of
-- Role names; the password is a PBKDF2 hash with its salt and cost ("pbkdf2-sha256$iterations$salt$hash"), never the
-- password. A disabled account is kept (the audit trail names it) but cannot sign in.
CREATE TABLE account (
  user_id        TEXT PRIMARY KEY,
  display_name   TEXT NOT NULL,
  roles          TEXT NOT NULL,
  rpps           TEXT,
  password_hash  TEXT NOT NULL,
  active         INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
