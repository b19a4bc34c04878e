-- Strategies and priorities are kept in Heard, not only seeded: a priority has an owner and a
-- period. The partnership's ambitions (e.g. the Seven Inclusive Ambitions) are linked to the
-- priorities that serve them, so evidence can be cut by ambition.
ALTER TABLE strategies ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE priorities ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE priorities ADD COLUMN period TEXT NOT NULL DEFAULT '';

CREATE TABLE ambitions (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    title    TEXT NOT NULL UNIQUE,
    summary  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE priority_ambitions (
    priority_id TEXT NOT NULL REFERENCES priorities (id) ON DELETE CASCADE,
    ambition_id TEXT NOT NULL REFERENCES ambitions (id) ON DELETE CASCADE,
    PRIMARY KEY (priority_id, ambition_id)
) STRICT;
CREATE INDEX priority_ambitions_by_ambition ON priority_ambitions (ambition_id);

-- A child may say their age band on the welcome screen; never a name, never a birthday.
ALTER TABLE participations ADD COLUMN age_band TEXT
    CHECK (age_band IN ('0-4', '5-10', '11-15', '16-19', '20-25'));

CREATE INDEX decisions_by_priority ON decisions (priority_id);
CREATE INDEX sessions_by_day ON sessions (held_on);
