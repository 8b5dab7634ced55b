-- To version 5, where `annotated_sentences` is still a table: its rows become sentence_marks; views.sql's
-- view takes its name.
INSERT INTO sentence_marks SELECT card_id, sentence, annotator FROM annotated_sentences;
DROP TABLE annotated_sentences;
