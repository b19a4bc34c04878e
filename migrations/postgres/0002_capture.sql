-- Capture: prompts offer several ways to answer, children may decline, photos and drawings
-- arrive as media with consent, children can say they are worried, and rate the session.

ALTER TABLE prompts RENAME COLUMN mode TO modes;
ALTER TABLE prompts DROP CONSTRAINT prompts_mode_check;
ALTER TABLE prompts ADD COLUMN scale_points BIGINT NOT NULL DEFAULT 5 CHECK (scale_points IN (3, 5));
ALTER TABLE prompts ADD COLUMN symbol TEXT;
ALTER TABLE prompts ADD COLUMN multiple BIGINT NOT NULL DEFAULT 0 CHECK (multiple IN (0, 1));

CREATE TABLE prompt_options (
    prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    position  BIGINT NOT NULL,
    label     TEXT NOT NULL,
    symbol    TEXT,
    PRIMARY KEY (prompt_id, position)
);

CREATE TABLE media (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('photo', 'drawing', 'audio')),
    content_type    TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'audio/webm', 'audio/mp4')),
    width           BIGINT NOT NULL,
    height          BIGINT NOT NULL,
    upload_sha256   TEXT NOT NULL,
    consent         TEXT NOT NULL DEFAULT 'team' CHECK (consent IN ('team', 'decision_makers', 'public')),
    created_at      BIGINT NOT NULL
);

ALTER TABLE contributions DROP CONSTRAINT contributions_mode_check;
ALTER TABLE contributions ADD CONSTRAINT contributions_mode_check
    CHECK (mode IN ('emoji_scale', 'choice', 'text', 'drawing', 'photo', 'audio', 'declined'));
ALTER TABLE contributions ADD COLUMN media_id TEXT REFERENCES media (id);
ALTER TABLE contributions ADD COLUMN choice_values TEXT;

-- When the child agreed to take part, after the assent screen.
ALTER TABLE participations ADD COLUMN assented_at BIGINT;
-- When the tablet was handed to the next child: the receipt is no longer shown on it.
ALTER TABLE participations ADD COLUMN handed_over_at BIGINT;

CREATE TABLE concerns (
    id               TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES sessions (id),
    participation_id TEXT REFERENCES participations (id),
    source           TEXT NOT NULL CHECK (source IN ('child', 'facilitator', 'triage')),
    raised_at        BIGINT NOT NULL
);
CREATE INDEX concerns_by_session ON concerns (session_id);

CREATE TABLE session_evaluations (
    participation_id TEXT PRIMARY KEY REFERENCES participations (id),
    listened         BIGINT CHECK (listened BETWEEN 1 AND 5),
    could_say        BIGINT CHECK (could_say BETWEEN 1 AND 5),
    answered_at      BIGINT NOT NULL
);
