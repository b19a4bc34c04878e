-- The lead keeps a phrase list per language; phrases from before are English.
ALTER TABLE triage_phrases ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
