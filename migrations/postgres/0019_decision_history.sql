-- A decision's history as structured events: the kind says what happened, `status` the status
-- it was recorded with or changed to, and `text` only what a person wrote (the title, the
-- reason, the outcome, the rationale, the message), so each reader's page words the event in
-- its own language. Entries written as English sentences before are taken apart here.
ALTER TABLE decision_events ADD COLUMN status TEXT;

UPDATE decision_events SET status = CASE
        WHEN text LIKE 'Recorded as proposed: %' THEN 'proposed'
        WHEN text LIKE 'Recorded as agreed: %' THEN 'agreed'
        WHEN text LIKE 'Recorded as in progress: %' THEN 'in_progress'
        WHEN text LIKE 'Recorded as done: %' THEN 'done'
        WHEN text LIKE 'Recorded as not taken forward: %' THEN 'not_taken_forward'
    END
WHERE kind = 'created';

UPDATE decision_events SET status = CASE
        WHEN text = 'Proposed' OR text LIKE 'Proposed: %' THEN 'proposed'
        WHEN text = 'Agreed' OR text LIKE 'Agreed: %' THEN 'agreed'
        WHEN text = 'In progress' OR text LIKE 'In progress: %' THEN 'in_progress'
        WHEN text = 'Done' OR text LIKE 'Done: %' THEN 'done'
        WHEN text = 'Not taken forward' OR text LIKE 'Not taken forward: %' THEN 'not_taken_forward'
    END
WHERE kind = 'status';

-- Keep only what a person wrote: a status changed without a reason keeps none.
UPDATE decision_events SET text = ''
WHERE kind = 'status' AND status IS NOT NULL AND strpos(text, ': ') = 0;
UPDATE decision_events SET text = substr(text, strpos(text, ': ') + 2)
WHERE (kind = 'created' AND status IS NOT NULL)
    OR (kind = 'status' AND status IS NOT NULL AND strpos(text, ': ') > 0)
    OR (kind = 'linked' AND text LIKE 'Linked a contribution: %')
    OR (kind = 'published' AND text LIKE '"You said, we did" published: %');
-- A status change Heard cannot read is kept as a note, word for word.
UPDATE decision_events SET kind = 'outcome' WHERE kind = 'status' AND status IS NULL;
