-- Heard's first schema: the thin Lundy chain. Times are Unix seconds (UTC).
-- Same shape as the SQLite schema; BIGINT so both databases hand back 64-bit integers.

CREATE TABLE staff_users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'commissioner')),
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE staff_sign_ins (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE strategies (
    id     TEXT PRIMARY KEY,
    title  TEXT NOT NULL UNIQUE,
    period TEXT NOT NULL
);

CREATE TABLE priorities (
    id          TEXT PRIMARY KEY,
    strategy_id TEXT NOT NULL REFERENCES strategies (id),
    position    BIGINT NOT NULL,
    title       TEXT NOT NULL,
    why         TEXT NOT NULL,
    what        TEXT NOT NULL,
    how         TEXT NOT NULL,
    UNIQUE (strategy_id, position)
);

CREATE TABLE forums (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE activities (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL UNIQUE,
    intro      TEXT NOT NULL,
    forum_id   TEXT NOT NULL REFERENCES forums (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE activity_priorities (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    priority_id TEXT NOT NULL REFERENCES priorities (id),
    PRIMARY KEY (activity_id, priority_id)
);

CREATE TABLE prompts (
    id          TEXT PRIMARY KEY,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    text        TEXT NOT NULL,
    easy_read   TEXT NOT NULL,
    mode        TEXT NOT NULL CHECK (mode IN ('emoji_scale', 'text')),
    UNIQUE (activity_id, position)
);

CREATE TABLE sessions (
    id             TEXT PRIMARY KEY,
    activity_id    TEXT NOT NULL REFERENCES activities (id),
    place          TEXT NOT NULL,
    facilitator_id TEXT NOT NULL REFERENCES staff_users (id),
    join_code      TEXT NOT NULL UNIQUE,
    opened_at      BIGINT NOT NULL,
    closed_at      BIGINT
);

-- One child's turn on the tablet in a session. No name: the receipt code is how they come back.
CREATE TABLE participations (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES sessions (id),
    receipt_code TEXT NOT NULL UNIQUE,
    started_at   BIGINT NOT NULL,
    finished_at  BIGINT
);

-- The id is made on the device, so a retried submission is recognised rather than duplicated.
CREATE TABLE contributions (
    id               TEXT PRIMARY KEY,
    participation_id TEXT NOT NULL REFERENCES participations (id),
    prompt_id        TEXT NOT NULL REFERENCES prompts (id),
    mode             TEXT NOT NULL CHECK (mode IN ('emoji_scale', 'text')),
    scale_value      BIGINT CHECK (scale_value BETWEEN 1 AND 5),
    text_value       TEXT,
    communicated     TEXT NOT NULL CHECK (communicated IN ('own_words', 'supported', 'interpreted')),
    created_at       BIGINT NOT NULL
);
CREATE INDEX contributions_by_participation ON contributions (participation_id);

CREATE TABLE decisions (
    id          TEXT PRIMARY KEY,
    priority_id TEXT NOT NULL REFERENCES priorities (id),
    forum_id    TEXT NOT NULL REFERENCES forums (id),
    title       TEXT NOT NULL,
    decided     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done', 'not_taken_forward')),
    decided_on  BIGINT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES staff_users (id),
    created_at  BIGINT NOT NULL
);

CREATE TABLE decision_links (
    decision_id     TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL REFERENCES contributions (id),
    rationale       TEXT NOT NULL,
    linked_by       TEXT NOT NULL REFERENCES staff_users (id),
    linked_at       BIGINT NOT NULL,
    PRIMARY KEY (decision_id, contribution_id)
);
CREATE INDEX decision_links_by_contribution ON decision_links (contribution_id);

-- "You said, we did": one published message per decision.
CREATE TABLE feedback (
    decision_id  TEXT PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
    plain_text   TEXT NOT NULL,
    easy_read    TEXT NOT NULL,
    published_by TEXT NOT NULL REFERENCES staff_users (id),
    published_at BIGINT NOT NULL
);
