-- Staff accounts: five roles, a second factor (TOTP) with one-time recovery codes, accounts that
-- can be turned off, sign-ins that wait for the second factor and time out when idle, throttled
-- failures, invitations, and a limit on join codes typed wrong. staff_users is rebuilt to widen its role CHECK (see 0002 for why).

CREATE TABLE new_staff_users (
    id             TEXT PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'commissioner', 'safeguarding_lead', 'viewer')),
    password_hash  TEXT NOT NULL,
    -- Base32 TOTP secret; NULL until the member has set up their authenticator app.
    totp_secret    TEXT,
    -- The last 30-second step a code was accepted for: each code works once.
    totp_last_step INTEGER,
    disabled_at    INTEGER,
    created_at     INTEGER NOT NULL
) STRICT;
INSERT INTO new_staff_users (id, email, role, password_hash, created_at)
    SELECT id, email, role, password_hash, created_at FROM staff_users;
DROP TABLE staff_users;
ALTER TABLE new_staff_users RENAME TO staff_users;

-- Sign-ins made before the second factor existed end here.
DROP TABLE staff_sign_ins;
CREATE TABLE staff_sign_ins (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    -- 'password' waits a few minutes for the second factor; only 'full' lets anyone in.
    stage        TEXT NOT NULL CHECK (stage IN ('password', 'full')),
    -- A new secret being set up during this sign-in, shown once as a QR code.
    enrol_secret TEXT,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE recovery_codes (
    user_id   TEXT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   INTEGER,
    PRIMARY KEY (user_id, code_hash)
) STRICT;

-- Failed sign-ins, kept only as long as the throttling window needs them.
CREATE TABLE sign_in_failures (
    email     TEXT NOT NULL,
    address   TEXT NOT NULL,
    failed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, address, failed_at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, failed_at);

CREATE TABLE staff_invites (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'commissioner', 'safeguarding_lead', 'viewer')),
    invited_by  TEXT NOT NULL REFERENCES staff_users (id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    accepted_at INTEGER
) STRICT;

-- Join codes typed wrong, per address, kept only as long as the limit's window needs them.
CREATE TABLE join_failures (
    address   TEXT NOT NULL,
    failed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX join_failures_by_address ON join_failures (address, failed_at);
