-- The first admin of a deployment is invited from the command line (`server admin create`), by
-- nobody: an invitation's inviter may be empty.
ALTER TABLE staff_invites ALTER COLUMN invited_by DROP NOT NULL;
