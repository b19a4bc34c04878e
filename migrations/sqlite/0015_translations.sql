-- A translation of a child's writing sits beside it, in `description`, as a transcript sits
-- beside a recording; this names the language the child wrote in (NULL: not a translation).
ALTER TABLE contributions ADD COLUMN translated_from TEXT;
