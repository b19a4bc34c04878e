-- Staff accounts: five roles, a second factor (TOTP) with one-time recovery codes, accounts that
-- can be turned off, sign-ins that wait for the second factor and time out when idle, throttled
-- failures, invitations, and a limit on join codes typed wrong.

ALTER TABLE staff_users DROP CONSTRAINT staff_users_role_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_role_check
    CHECK (role IN ('admin', 'facilitator', 'commissioner', 'safeguarding_lead', 'viewer'));
ALTER TABLE staff_users ADD COLUMN totp_secret TEXT;
ALTER TABLE staff_users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE staff_users ADD COLUMN disabled_at BIGINT;

-- Sign-ins made before the second factor existed end here.
DROP TABLE staff_sign_ins;
CREATE TABLE staff_sign_ins (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    stage        TEXT NOT NULL CHECK (stage IN ('password', 'full')),
    enrol_secret TEXT,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    user_id   TEXT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE sign_in_failures (
    email     TEXT NOT NULL,
    address   TEXT NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, address, failed_at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, failed_at);

CREATE TABLE staff_invites (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'commissioner', 'safeguarding_lead', 'viewer')),
    invited_by  TEXT NOT NULL REFERENCES staff_users (id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    accepted_at BIGINT
);

-- Join codes typed wrong, per address, kept only as long as the limit's window needs them.
CREATE TABLE join_failures (
    address   TEXT NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX join_failures_by_address ON join_failures (address, failed_at);
