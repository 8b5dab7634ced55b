-- To version 7: the card that changed a known name (known_names_changed.by_card), so that a re-run's names that some
-- unchanged card still has revise nothing; the pruned count of a run. The table sentence_hub_ids (schema.sql) is
-- filled from the stored sentences by CardStore after this file.
ALTER TABLE known_names_changed ADD COLUMN IF NOT EXISTS by_card VARCHAR;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS pruned BIGINT;
