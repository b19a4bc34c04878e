-- Requests a child (with their receipt) or a member of staff (for a carer who phoned or wrote)
-- made about a turn: a copy, a narrower consent, an erasure. Never the content: what was asked,
-- by which route, when, and when and how it was answered, so the council can show it answered
-- within the legal month.
CREATE TABLE rights_requests (
    id               TEXT PRIMARY KEY,
    participation_id TEXT NOT NULL REFERENCES participations (id),
    -- One answer, or NULL for the whole turn.
    contribution_id  TEXT REFERENCES contributions (id),
    kind             TEXT NOT NULL CHECK (kind IN ('copy', 'limit', 'erase')),
    -- NULL when asked with the receipt; else the member of staff who acted for the child.
    staff_id         TEXT REFERENCES staff_users (id),
    asked_at         BIGINT NOT NULL,
    -- 'held' waits for the safeguarding lead: an open concern holds the turn.
    state            TEXT NOT NULL CHECK (state IN ('done', 'held', 'kept')),
    done_at          BIGINT,
    decided_by       TEXT REFERENCES staff_users (id),
    decision_reason  TEXT
);
CREATE INDEX rights_requests_by_time ON rights_requests (asked_at);
CREATE INDEX rights_requests_by_turn ON rights_requests (participation_id);
