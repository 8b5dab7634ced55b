-- The store's views, over the tables of schema.sql: CardStore makes them after the tables and any migration.

-- Every sentence with its text (the annotators' input; the LLM cache's key is the SHA-256 hex of it).
CREATE VIEW IF NOT EXISTS sentences AS
SELECT s.card_id, s.position, s.section, s.heading, s.start_offset, s.end_offset,
       coalesce(s.text, substring(c.body, s.start_offset + 1, s.end_offset - s.start_offset)) AS text
FROM sentence_rows s LEFT JOIN cards c ON c.id = s.card_id;
