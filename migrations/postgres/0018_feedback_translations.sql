-- "You said, we did" in the languages of the child's pages, beside the English the commissioner
-- published: a child reads their language on the receipt and the board where it exists.
CREATE TABLE feedback_translations (
    decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    plain_text  TEXT NOT NULL,
    easy_read   TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (decision_id, language)
);
