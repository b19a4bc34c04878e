-- The first admin of a deployment is invited from the command line (`server admin create`), by
-- nobody: an invitation's inviter may be empty.
CREATE TABLE new_staff_invites (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'commissioner', 'safeguarding_lead', 'viewer')),
    -- NULL for the first admin, invited from the command line.
    invited_by  TEXT REFERENCES staff_users (id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    accepted_at INTEGER
) STRICT;
INSERT INTO new_staff_invites (token_hash, email, role, invited_by, created_at, expires_at, accepted_at)
    SELECT token_hash, email, role, invited_by, created_at, expires_at, accepted_at FROM staff_invites;
DROP TABLE staff_invites;
ALTER TABLE new_staff_invites RENAME TO staff_invites;
