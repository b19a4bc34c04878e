-- Capture: prompts offer several ways to answer, children may decline, photos and drawings
-- arrive as media with consent, children can say they are worried, and rate the session.
-- SQLite cannot change a CHECK in place, so prompts and contributions are rebuilt the way its
-- documentation prescribes: create, copy, drop, rename. `Db::migrate` runs this with foreign
-- keys off and checks them afterwards.

CREATE TABLE new_prompts (
    id           TEXT PRIMARY KEY,
    activity_id  TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    easy_read    TEXT NOT NULL,
    -- The ways a child may answer, in the order offered, comma-separated.
    modes        TEXT NOT NULL,
    scale_points INTEGER NOT NULL DEFAULT 5 CHECK (scale_points IN (3, 5)),
    -- An OpenMoji code from the shipped symbol set, shown beside the easy-read text.
    symbol       TEXT,
    -- 1 when a choice prompt lets the child pick more than one option.
    multiple     INTEGER NOT NULL DEFAULT 0 CHECK (multiple IN (0, 1)),
    UNIQUE (activity_id, position)
) STRICT;
INSERT INTO new_prompts (id, activity_id, position, text, easy_read, modes)
    SELECT id, activity_id, position, text, easy_read, mode FROM prompts;
DROP TABLE prompts;
ALTER TABLE new_prompts RENAME TO prompts;

-- The options of a choice prompt, each with words and a symbol.
CREATE TABLE prompt_options (
    prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL,
    symbol    TEXT,
    PRIMARY KEY (prompt_id, position)
) STRICT;

-- What children send besides words; pictures are re-encoded without metadata. `consent` is who may see it.
CREATE TABLE media (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('photo', 'drawing', 'audio')),
    content_type    TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'audio/webm', 'audio/mp4')),
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    -- Of the bytes as uploaded: tells an identical retry from a different file.
    upload_sha256   TEXT NOT NULL,
    consent         TEXT NOT NULL DEFAULT 'team' CHECK (consent IN ('team', 'decision_makers', 'public')),
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE new_contributions (
    id               TEXT PRIMARY KEY,
    participation_id TEXT NOT NULL REFERENCES participations (id),
    prompt_id        TEXT NOT NULL REFERENCES prompts (id),
    mode             TEXT NOT NULL CHECK (mode IN ('emoji_scale', 'choice', 'text', 'drawing', 'photo', 'audio', 'declined')),
    scale_value      INTEGER CHECK (scale_value BETWEEN 1 AND 5),
    -- For a choice: the labels of the chosen options as the child saw them, one per line.
    text_value       TEXT,
    -- For a choice: the positions of the chosen options, comma-separated.
    choice_values    TEXT,
    media_id         TEXT REFERENCES media (id),
    communicated     TEXT NOT NULL CHECK (communicated IN ('own_words', 'supported', 'interpreted')),
    created_at       INTEGER NOT NULL
) STRICT;
INSERT INTO new_contributions
    (id, participation_id, prompt_id, mode, scale_value, text_value, communicated, created_at)
    SELECT id, participation_id, prompt_id, mode, scale_value, text_value, communicated, created_at
    FROM contributions;
DROP TABLE contributions;
ALTER TABLE new_contributions RENAME TO contributions;
CREATE INDEX contributions_by_participation ON contributions (participation_id);

-- When the child agreed to take part, after the assent screen.
ALTER TABLE participations ADD COLUMN assented_at INTEGER;
-- When the tablet was handed to the next child: the receipt is no longer shown on it.
ALTER TABLE participations ADD COLUMN handed_over_at INTEGER;

-- "I'm worried": a simple record for the facilitator and the safeguarding lead.
CREATE TABLE concerns (
    id               TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES sessions (id),
    participation_id TEXT REFERENCES participations (id),
    source           TEXT NOT NULL CHECK (source IN ('child', 'facilitator', 'triage')),
    raised_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX concerns_by_session ON concerns (session_id);

-- "How was today?": the children's own view of Space and Voice, per turn.
CREATE TABLE session_evaluations (
    participation_id TEXT PRIMARY KEY REFERENCES participations (id),
    listened         INTEGER CHECK (listened BETWEEN 1 AND 5),
    could_say        INTEGER CHECK (could_say BETWEEN 1 AND 5),
    answered_at      INTEGER NOT NULL
) STRICT;
