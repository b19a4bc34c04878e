-- Safeguarding: a concern may be about one contribution; a concern holds back what the child
-- said from decision makers until the safeguarding lead clears it; and every concern has an
-- append-only chronology that the database itself refuses to change. Text answers are checked
-- against the safeguarding lead's phrase list, kept in versions.

ALTER TABLE concerns ADD COLUMN contribution_id TEXT REFERENCES contributions (id);
ALTER TABLE concerns ADD COLUMN cleared_at INTEGER;
CREATE INDEX concerns_by_participation ON concerns (participation_id);

CREATE TABLE concern_events (
    id         TEXT PRIMARY KEY,
    concern_id TEXT NOT NULL REFERENCES concerns (id),
    -- 1, 2, 3… within the concern: the order entries were added, whatever the clock says.
    seq        INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    -- Who: a member of staff, or NULL when the child raised it on the tablet.
    staff_id   TEXT REFERENCES staff_users (id),
    kind       TEXT NOT NULL CHECK (kind IN ('raised', 'viewed', 'decision', 'action', 'outcome', 'note', 'cleared')),
    text       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX concern_events_in_order ON concern_events (concern_id, seq);

CREATE TRIGGER concern_events_cannot_change BEFORE UPDATE ON concern_events
BEGIN
    SELECT RAISE(ABORT, 'a concern''s chronology cannot be changed');
END;
CREATE TRIGGER concern_events_cannot_be_deleted BEFORE DELETE ON concern_events
BEGIN
    SELECT RAISE(ABORT, 'a concern''s chronology cannot be deleted');
END;

-- Concerns raised before the chronology existed start it with when they were raised.
INSERT INTO concern_events (id, concern_id, seq, at, staff_id, kind, text)
    SELECT 'raised-' || id, id, 1, raised_at, NULL, 'raised', '' FROM concerns;

-- The safeguarding lead's phrase list for triage: each save is a new version, none is changed.
CREATE TABLE triage_lists (
    version    INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES staff_users (id)
) STRICT;
CREATE TABLE triage_phrases (
    version  INTEGER NOT NULL REFERENCES triage_lists (version),
    position INTEGER NOT NULL,
    phrase   TEXT NOT NULL,
    PRIMARY KEY (version, position)
) STRICT;
