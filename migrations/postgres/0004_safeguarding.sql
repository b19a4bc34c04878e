-- Safeguarding: a concern may be about one contribution; a concern holds back what the child
-- said from decision makers until the safeguarding lead clears it; and every concern has an
-- append-only chronology that the database itself refuses to change. Text answers are checked
-- against the safeguarding lead's phrase list, kept in versions.

ALTER TABLE concerns ADD COLUMN contribution_id TEXT REFERENCES contributions (id);
ALTER TABLE concerns ADD COLUMN cleared_at BIGINT;
CREATE INDEX concerns_by_participation ON concerns (participation_id);

CREATE TABLE concern_events (
    id         TEXT PRIMARY KEY,
    concern_id TEXT NOT NULL REFERENCES concerns (id),
    -- 1, 2, 3… within the concern: the order entries were added, whatever the clock says.
    seq        BIGINT NOT NULL,
    at         BIGINT NOT NULL,
    staff_id   TEXT REFERENCES staff_users (id),
    kind       TEXT NOT NULL CHECK (kind IN ('raised', 'viewed', 'decision', 'action', 'outcome', 'note', 'cleared')),
    text       TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX concern_events_in_order ON concern_events (concern_id, seq);

CREATE FUNCTION concern_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a concern''s chronology cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER concern_events_append_only BEFORE UPDATE OR DELETE ON concern_events
    FOR EACH ROW EXECUTE FUNCTION concern_events_append_only();

INSERT INTO concern_events (id, concern_id, seq, at, staff_id, kind, text)
    SELECT 'raised-' || id, id, 1, raised_at, NULL, 'raised', '' FROM concerns;

-- The safeguarding lead's phrase list for triage: each save is a new version, none is changed.
CREATE TABLE triage_lists (
    version    BIGINT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    created_by TEXT REFERENCES staff_users (id)
);
CREATE TABLE triage_phrases (
    version  BIGINT NOT NULL REFERENCES triage_lists (version),
    position BIGINT NOT NULL,
    phrase   TEXT NOT NULL,
    PRIMARY KEY (version, position)
);
