-- Evidence: every export of children's contributions is recorded: who, when, what.
CREATE TABLE exports (
    id          TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff_users (id),
    at          INTEGER NOT NULL,
    -- csv, json or report
    format      TEXT NOT NULL CHECK (format IN ('csv', 'json', 'report')),
    -- The filter as a person reads it, e.g. "priority 8, 1 September 2026 to 30 November 2026".
    scope       TEXT NOT NULL,
    rows        INTEGER NOT NULL
) STRICT;
CREATE INDEX contributions_by_time ON contributions (created_at);
