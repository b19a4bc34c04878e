-- Audience: forums have members (staff accounts); a facilitator builds a hearing pack of
-- contributions for a forum's meeting and presents it; members acknowledge they heard it and
-- may respond. Influence: decisions record their stage in the commissioning cycle, the level of
-- their outcome, who decided and, when not taken forward, why; every change is kept in order.
-- Children say whether adults got it right.
CREATE TABLE forum_members (
    forum_id TEXT NOT NULL REFERENCES forums (id),
    staff_id TEXT NOT NULL REFERENCES staff_users (id),
    added_at INTEGER NOT NULL,
    PRIMARY KEY (forum_id, staff_id)
) STRICT;

CREATE TABLE hearings (
    id           TEXT PRIMARY KEY,
    forum_id     TEXT NOT NULL REFERENCES forums (id),
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL DEFAULT '',
    -- The day of the forum's meeting.
    held_on      INTEGER NOT NULL,
    created_by   TEXT NOT NULL REFERENCES staff_users (id),
    created_at   INTEGER NOT NULL,
    -- Set when the facilitator presented it; the pack no longer changes after.
    presented_at INTEGER
) STRICT;

CREATE TABLE hearing_items (
    hearing_id      TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL REFERENCES contributions (id),
    added_at        INTEGER NOT NULL,
    PRIMARY KEY (hearing_id, contribution_id)
) STRICT;
CREATE INDEX hearing_items_by_contribution ON hearing_items (contribution_id);

CREATE TABLE hearing_acknowledgements (
    hearing_id      TEXT NOT NULL REFERENCES hearings (id),
    staff_id        TEXT NOT NULL REFERENCES staff_users (id),
    acknowledged_at INTEGER NOT NULL,
    response        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (hearing_id, staff_id)
) STRICT;

ALTER TABLE decisions ADD COLUMN stage TEXT NOT NULL DEFAULT 'plan'
    CHECK (stage IN ('assess', 'plan', 'do', 'review'));
ALTER TABLE decisions ADD COLUMN outcome_level TEXT NOT NULL DEFAULT 'service'
    CHECK (outcome_level IN ('individual', 'service', 'strategic'));
ALTER TABLE decisions ADD COLUMN decision_maker TEXT NOT NULL DEFAULT '';
-- Why it was not taken forward, when it was not.
ALTER TABLE decisions ADD COLUMN reason TEXT;

-- The decision's history, numbered in order: created, status changes, outcome updates, links,
-- feedback published.
CREATE TABLE decision_events (
    id          TEXT PRIMARY KEY,
    decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    staff_id    TEXT REFERENCES staff_users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('created', 'status', 'outcome', 'linked', 'published')),
    text        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX decision_events_in_order ON decision_events (decision_id, seq);
INSERT INTO decision_events (id, decision_id, seq, at, staff_id, kind, text)
    SELECT 'created-' || id, id, 1, created_at, created_by, 'created', title FROM decisions;

ALTER TABLE feedback ADD COLUMN symbol TEXT;

-- "Did we get it right?": the child's face for a decision's feedback, from their receipt.
CREATE TABLE feedback_replies (
    participation_id TEXT NOT NULL REFERENCES participations (id),
    decision_id      TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    value            INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    replied_at       INTEGER NOT NULL,
    PRIMARY KEY (participation_id, decision_id)
) STRICT;
