-- The language the child's pages were shown in for this turn (chosen on the tablet, 'en' unless
-- the child chose another), so staff know which language the answers are likely to be in.
ALTER TABLE participations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
