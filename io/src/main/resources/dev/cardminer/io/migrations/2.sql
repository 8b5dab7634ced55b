-- To version 2: stores written before versioning (version 1) may lack the runs columns added since and
-- the cards' body. Tables missing altogether come from schema.sql (CREATE TABLE IF NOT EXISTS).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS cards_replaced BIGINT;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS duplicates BIGINT;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS bytes BIGINT;
ALTER TABLE cards ADD COLUMN IF NOT EXISTS body VARCHAR;
