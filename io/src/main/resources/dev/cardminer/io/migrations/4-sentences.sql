-- To version 4, where `sentences` is still a table: sentences are stored as offsets into cards.body
-- (sentence_rows, text only where it differs from the body's text between the offsets), read through the view `sentences`; no per-sentence hash (the LLM
-- phase computes its cache key from the text). CardStore runs this after 4.sql while
-- `sentences` is still a table; views.sql's view takes its place.
-- The text is left out only where the body has no non-BMP character up to the sentence's end: the offsets
-- are UTF-16 indexes, substring counts code points, and the two agree only there.
INSERT INTO sentence_rows
SELECT s.card_id, s.position, s.section, s.heading, s.start_offset, s.end_offset,
       CASE WHEN s.start_offset >= 0 AND s.end_offset <= c.bmp_prefix
                 AND s.text = substring(c.body, s.start_offset + 1, s.end_offset - s.start_offset)
            THEN NULL ELSE s.text END
FROM sentences s
LEFT JOIN (SELECT id, body, length(regexp_extract(body, '^[^\x{10000}-\x{10FFFF}]*')) AS bmp_prefix FROM cards) c
       ON c.id = s.card_id
ORDER BY s.card_id, s.position;
-- Cards with sentences were split; the others are split (again) by the annotation phase, once.
UPDATE cards SET sentence_count = x.n FROM (SELECT card_id, count(*)::INTEGER AS n FROM sentence_rows GROUP BY 1) x
WHERE cards.id = x.card_id;
DROP TABLE sentences;
