-- The store's views, over the tables of schema.sql: CardStore makes them after the tables and any migration.

-- A sentence's text from its row and its card's body: the stored text, else the body between the offsets
-- (sentence_rows leaves the text out only where the body has no non-BMP character up to the sentence's end,
-- so code points and UTF-16 offsets agree). For queries that join the two tables themselves: DuckDB does
-- not carry a filter on the view's card_id over to the cards it joins, so a few cards' sentences read
-- through the view cost a join with every body.
CREATE MACRO IF NOT EXISTS sentence_text(text, body, start_offset, end_offset) AS
    coalesce(text, substring(body, start_offset + 1, end_offset - start_offset));

-- Every sentence with its text (the annotators' input; the LLM cache's key is the SHA-256 hex of it).
CREATE VIEW IF NOT EXISTS sentences AS
SELECT s.card_id, s.position, s.section, s.heading, s.start_offset, s.end_offset,
       sentence_text(s.text, c.body, s.start_offset, s.end_offset) AS text
FROM sentence_rows s LEFT JOIN cards c ON c.id = s.card_id;

-- One row per sentence an annotator has handled: the marks of single sentences and every sentence of the
-- cards marked whole.
CREATE VIEW IF NOT EXISTS annotated_sentences AS
SELECT card_id, sentence, annotator FROM sentence_marks
UNION ALL
SELECT s.card_id, s.position AS sentence, c.annotator FROM annotated_cards c JOIN sentence_rows s ON s.card_id = c.card_id;
