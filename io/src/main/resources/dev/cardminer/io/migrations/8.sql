-- To version 8: the repo facts get their own hash (cards.facts_hash), and cards.fingerprint covers the card itself only,
-- so that a card whose text is unchanged and whose facts changed (the Hub's downloads and likes, daily) has only its
-- facts stored again. CardStore then gives each stored card the new fingerprint (Fingerprints.fromSchema7); facts_hash
-- stays null, so the next run stores every card's facts once, without analysing any card again.
ALTER TABLE cards ADD COLUMN IF NOT EXISTS facts_hash BIGINT;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS facts_updated BIGINT;
