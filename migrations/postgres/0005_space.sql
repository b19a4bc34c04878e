-- Lundy's Space for each session: setting, the group expected, who was invited and who could
-- not take part (and why), the adjustments made, and the Space and Voice checklist answered at
-- opening and at closing. Lists are comma-separated codes (see domain/space.rs).
CREATE TABLE space_records (
    session_id     TEXT PRIMARY KEY REFERENCES sessions (id),
    setting        TEXT NOT NULL DEFAULT '',
    expected_group TEXT NOT NULL DEFAULT '',
    invited        TEXT NOT NULL DEFAULT '',
    missing        TEXT NOT NULL DEFAULT '',
    adjustments    TEXT NOT NULL DEFAULT '',
    opening_checks TEXT NOT NULL DEFAULT '',
    closing_checks TEXT NOT NULL DEFAULT '',
    updated_at     BIGINT NOT NULL
);
