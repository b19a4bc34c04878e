-- Moderation: a facilitator can hide a contribution from decision makers, with a reason. The
-- child's words stay as they were; every hiding and showing again is kept in an audit trail.
ALTER TABLE contributions ADD COLUMN hidden_reason TEXT;

CREATE TABLE moderation_events (
    id              TEXT PRIMARY KEY,
    contribution_id TEXT NOT NULL REFERENCES contributions (id),
    -- 1, 2, 3… within the contribution: the order of the changes.
    seq             BIGINT NOT NULL,
    at              BIGINT NOT NULL,
    staff_id        TEXT NOT NULL REFERENCES staff_users (id),
    action          TEXT NOT NULL CHECK (action IN ('hidden', 'shown')),
    reason          TEXT NOT NULL
);
CREATE UNIQUE INDEX moderation_events_in_order ON moderation_events (contribution_id, seq);
