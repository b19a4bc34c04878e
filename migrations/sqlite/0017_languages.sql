-- The language the child's pages were shown in for this turn (chosen on the tablet, 'en' unless
-- the child chose another), so staff know which language the answers are likely to be in.
ALTER TABLE participations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

-- What a facilitator wrote, in the languages of the child's pages: a child sees their language
-- where a translation exists and English otherwise. The English in activities and prompts stays
-- the source; a prompt's option labels are a JSON array in the options' order.
CREATE TABLE activity_translations (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    title       TEXT NOT NULL,
    intro       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (activity_id, language)
) STRICT;

CREATE TABLE prompt_translations (
    prompt_id  TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    language   TEXT NOT NULL,
    text       TEXT NOT NULL,
    easy_read  TEXT NOT NULL,
    options    TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (prompt_id, language)
) STRICT;
