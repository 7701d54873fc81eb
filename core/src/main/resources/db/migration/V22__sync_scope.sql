-- The patients whose records this workstation pulls when it syncs "the patients of my care teams" rather than the
-- whole team: a patient who enters that scope after the watermarks gets their whole history pulled once, then follows
-- the watermarks like the others. Server ids, as the CareTeams name them.
CREATE TABLE sync_scope_patient (
  server_id  TEXT PRIMARY KEY
);
