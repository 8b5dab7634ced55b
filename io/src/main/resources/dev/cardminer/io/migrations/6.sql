-- To version 6: the line the body starts on in the card file, so that a card read back from the store (suggest --db)
-- gives its body evidence the card's own lines; cards stored before keep null until written again.
ALTER TABLE cards ADD COLUMN IF NOT EXISTS body_line INTEGER;
