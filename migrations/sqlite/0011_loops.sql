-- How far each contribution's loop has got, kept on the contribution (see app/src/data/loops.rs)
-- so the evidence figures are one scan: first heard, first linked to a decision, first fed back.
ALTER TABLE contributions ADD COLUMN heard_at INTEGER;
ALTER TABLE contributions ADD COLUMN linked_at INTEGER;
ALTER TABLE contributions ADD COLUMN fed_back_at INTEGER;
UPDATE contributions SET
    heard_at = (SELECT MIN(t.at) FROM (
        SELECT (SELECT MIN(h.held_on) FROM hearing_items hi JOIN hearings h ON h.id = hi.hearing_id
          WHERE hi.contribution_id = contributions.id AND h.presented_at IS NOT NULL) AS at
        UNION ALL SELECT (SELECT MIN(d.decided_on) FROM decision_links dl
          JOIN decisions d ON d.id = dl.decision_id
          WHERE dl.contribution_id = contributions.id)) t),
    linked_at = (SELECT MIN(dl.linked_at) FROM decision_links dl
        WHERE dl.contribution_id = contributions.id),
    fed_back_at = (SELECT MIN(fb.published_at) FROM decision_links dl
        JOIN feedback fb ON fb.decision_id = dl.decision_id
        WHERE dl.contribution_id = contributions.id)
WHERE id IN (SELECT contribution_id FROM hearing_items UNION SELECT contribution_id FROM decision_links);
-- Open loops, oldest first, for the overdue list.
CREATE INDEX contributions_open_loops ON contributions (created_at) WHERE fed_back_at IS NULL;
-- The newest pictures for a report, and a session's turns.
CREATE INDEX contributions_with_media ON contributions (created_at) WHERE media_id IS NOT NULL;
CREATE INDEX participations_by_session ON participations (session_id);
