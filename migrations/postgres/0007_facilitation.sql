-- Facilitation: sessions have a date; facilitators describe pictures and transcribe recordings
-- (the child's original stays as it was) and tag contributions with themes from a list each
-- activity keeps. Concerns remember when their email alert went, so an alert waits in the
-- database until it is sent. Contributions past the retention period are erased, leaving a
-- marker so the counts of what children said stay true.
ALTER TABLE sessions ADD COLUMN held_on BIGINT;
UPDATE sessions SET held_on = opened_at - opened_at % 86400;

ALTER TABLE contributions ADD COLUMN description TEXT;
ALTER TABLE contributions ADD COLUMN described_by TEXT REFERENCES staff_users (id);
ALTER TABLE contributions ADD COLUMN erased_at BIGINT;

CREATE TABLE themes (
    id          TEXT PRIMARY KEY,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (activity_id, name)
);

CREATE TABLE contribution_themes (
    contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
    theme_id        TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (contribution_id, theme_id)
);
CREATE INDEX contribution_themes_by_theme ON contribution_themes (theme_id);

ALTER TABLE concerns ADD COLUMN alerted_at BIGINT;
-- Concerns raised before alerts existed are not news.
UPDATE concerns SET alerted_at = raised_at;
CREATE INDEX concerns_awaiting_alert ON concerns (raised_at) WHERE alerted_at IS NULL;

-- How long children's contributions are kept after their session closed; one row, set by admins.
CREATE TABLE retention_policy (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    months BIGINT NOT NULL CHECK (months BETWEEN 1 AND 120),
    set_by TEXT REFERENCES staff_users (id),
    set_at BIGINT NOT NULL
);
INSERT INTO retention_policy (id, months, set_at) VALUES (1, 24, 0);
