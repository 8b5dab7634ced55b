-- To version 4: cards say whether their sentences were split (null: not yet), so that the annotation phase finds
-- the cards to split without an anti-join, and cards without a sentence are not split again on every run.
-- Then 4-sentences.sql, where `sentences` is still a table.
ALTER TABLE cards ADD COLUMN IF NOT EXISTS sentence_count INTEGER;
