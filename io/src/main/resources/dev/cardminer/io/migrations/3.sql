-- To version 3: the rules annotate in one pass with ingestion; cards waiting for the corpus's known names.
CREATE TABLE IF NOT EXISTS known_names_pending (card_id VARCHAR NOT NULL);
