-- To version 5: done-marks of whole cards (annotated_cards, made by schema.sql) beside those of single
-- sentences; the table `annotated_sentences` becomes `sentence_marks`, read with the cards' marks through the
-- view of that name. CardStore runs 5-marks.sql after this while `annotated_sentences` is still a table.
CREATE TABLE IF NOT EXISTS annotated_cards (card_id VARCHAR NOT NULL, annotator VARCHAR NOT NULL);
