-- The cardminer store. This file is the contract between the writer (io), the report and the
-- annotation phase: columns may be added, never renamed or removed without updating all readers.
-- Its views are in views.sql, made after any migration (they name columns an older store gets from one).
-- Offsets are UTF-16 indexes into the card body; lines and columns are 1-based in the card file.

CREATE TABLE IF NOT EXISTS cards (
    id              VARCHAR NOT NULL,   -- Hub repo id (org/name) or file-derived id
    source          VARCHAR,            -- where the card came from (file path, parquet file, hub)
    content_hash    VARCHAR NOT NULL,   -- SHA-256 of the card text, hex: unchanged cards are skipped
    bytes           BIGINT,             -- UTF-8 size of the card
    author          VARCHAR,
    downloads       BIGINT,
    likes           BIGINT,
    pipeline_tag    VARCHAR,            -- as the source says (Hub facts), not the YAML's
    library_name    VARCHAR,
    tags            VARCHAR[],
    created_at      TIMESTAMP,
    last_modified   TIMESTAMP,
    has_metadata    BOOLEAN NOT NULL,
    metadata_json   VARCHAR,            -- the YAML mapping as JSON, null without a block
    completeness    DOUBLE,
    section_count   INTEGER,
    problem_count   INTEGER,
    body            VARCHAR,            -- the body text (for sentences, examples and re-annotation)
    fingerprint     BIGINT,             -- what a re-run compares of the text: content hash, failure, row format (before schema 8, facts too)
    sentence_count  INTEGER,            -- sentences split from the body; null: not split yet (the annotation phase will)
    body_line       INTEGER,            -- 1-based line of the body's first character in the card file (null: stored before version 6)
    facts_hash      BIGINT              -- what a re-run compares of the repo facts (author to last_modified); null: stored before version 8
);

-- One row per top-level metadata key; list values also appear item by item in metadata_values.
CREATE TABLE IF NOT EXISTS metadata (
    card_id     VARCHAR NOT NULL,
    key         VARCHAR NOT NULL,
    value_json  VARCHAR
);

CREATE TABLE IF NOT EXISTS metadata_values (
    card_id     VARCHAR NOT NULL,
    key         VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    value       VARCHAR             -- scalar as text (string-or-list keys normalised to items)
);

CREATE TABLE IF NOT EXISTS sections (
    card_id      VARCHAR NOT NULL,
    position     INTEGER NOT NULL,
    level        INTEGER,
    title        VARCHAR,
    canonical    VARCHAR,           -- CanonicalSection title, null when unmapped
    start_offset INTEGER,
    end_offset   INTEGER,
    line         INTEGER,
    placeholder  BOOLEAN,
    empty        BOOLEAN
);

CREATE TABLE IF NOT EXISTS eval_results (
    card_id          VARCHAR NOT NULL,
    position         INTEGER NOT NULL,
    model_name       VARCHAR,
    task_type        VARCHAR,
    task_name        VARCHAR,
    dataset_type     VARCHAR,
    dataset_name     VARCHAR,
    dataset_config   VARCHAR,
    dataset_split    VARCHAR,
    dataset_revision VARCHAR,
    metric_type      VARCHAR,
    metric_name      VARCHAR,
    metric_value     DOUBLE,        -- null when not numeric
    metric_value_text VARCHAR,      -- the value as written
    verified         BOOLEAN,
    source_name      VARCHAR,
    source_url       VARCHAR
);

CREATE TABLE IF NOT EXISTS links (
    card_id   VARCHAR NOT NULL,
    position  INTEGER NOT NULL,
    kind      VARCHAR,              -- model, dataset, space, arxiv, github
    target    VARCHAR,
    text      VARCHAR,
    line      INTEGER,
    col       INTEGER
);

CREATE TABLE IF NOT EXISTS problems (
    card_id   VARCHAR NOT NULL,
    position  INTEGER NOT NULL,
    severity  VARCHAR,              -- info, warning, error
    code      VARCHAR,
    message   VARCHAR,
    line      INTEGER,
    col       INTEGER
);

-- The body's sentences as the writer stores them: offsets into cards.body, and the plain text only where it is
-- not the body's own text between them (markup removed, line breaks joined, table cells joined by " | ", or a
-- non-BMP character at or before the sentence's end, where SQL's code-point substring would not match the
-- UTF-16 offsets). Read them through the view `sentences` (views.sql).
CREATE TABLE IF NOT EXISTS sentence_rows (
    card_id       VARCHAR NOT NULL,
    position      INTEGER NOT NULL,  -- Sentence.index
    section       VARCHAR,           -- canonical section title or null
    heading       VARCHAR,
    start_offset  INTEGER,
    end_offset    INTEGER,
    text          VARCHAR            -- null: the text is cards.body between the offsets
);

-- The Hub ids each sentence has that the rules annotator looks up in the corpus's names (RuleAnnotator.hubIds,
-- lower case), written with the sentence: when a re-run brings such a name into the corpus or takes it out, the
-- sentences to annotate again are a join with this table, not a match over every stored text.
CREATE TABLE IF NOT EXISTS sentence_hub_ids (
    card_id       VARCHAR NOT NULL,
    sentence      INTEGER NOT NULL,  -- sentence_rows.position
    hub_id        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS annotations (
    card_id        VARCHAR NOT NULL,
    sentence       INTEGER NOT NULL, -- sentences.position
    subject        VARCHAR,
    category       VARCHAR,
    description    VARCHAR,
    span_start     INTEGER,
    span_end       INTEGER,
    annotator      VARCHAR
);

-- Every LLM answer, keyed by (model, prompt version, SHA-256 hex of the sentence's text): a re-run sends no
-- request for these.
CREATE TABLE IF NOT EXISTS llm_cache (
    model          VARCHAR NOT NULL,
    prompt_version VARCHAR NOT NULL,
    text_hash      VARCHAR NOT NULL,
    response       VARCHAR,
    prompt_tokens  INTEGER,
    completion_tokens INTEGER,
    created_at     TIMESTAMP
);

-- What an annotator has handled (with or without annotations), read through the view
-- `annotated_sentences` (views.sql): the annotation phase skips these, so a stopped run resumes and
-- sentences an LLM failed on are retried. One row per sentence for the annotation phase's batches...
CREATE TABLE IF NOT EXISTS sentence_marks (
    card_id    VARCHAR NOT NULL,
    sentence   INTEGER NOT NULL,     -- sentence_rows.position
    annotator  VARCHAR NOT NULL
);

-- ...and one row per card where the annotator handled every sentence of the card at once (the one pass,
-- written in the card's batch with its sentences): a row per sentence there was a third of the writer's rows.
CREATE TABLE IF NOT EXISTS annotated_cards (
    card_id    VARCHAR NOT NULL,
    annotator  VARCHAR NOT NULL
);

-- Cards whose sentences the rules annotated while the card was parsed (one pass), before the corpus's own
-- model ids and dataset names were all known: analyze revises the sentences these names can change once
-- ingestion is done, then empties this table (a run killed before that revises them when run again).
CREATE TABLE IF NOT EXISTS known_names_pending (
    card_id    VARCHAR NOT NULL
);

-- Names (kind 'model' or 'dataset', the value as the card has it) that cards written since the last revision brought
-- into the corpus or may have taken out of it, with the card that did (null in rows from before schema 7): analyze
-- then also revises the other cards' sentences that name them, unless a card not listed with the name still has it
-- (then the name was known before and is now), and empties this table. The card's column is not named card_id:
-- the writer deletes a replaced card's rows from every table with that column, and these must stay.
CREATE TABLE IF NOT EXISTS known_names_changed (
    kind       VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    by_card    VARCHAR
);

-- How far two annotators agree (--annotator both): of each one's annotations, how many have a subject
-- the other also labelled in the same sentence (subjects compared after normalisation).
CREATE TABLE IF NOT EXISTS annotator_agreement (
    measured_at      TIMESTAMP,
    first_annotator  VARCHAR,
    second_annotator VARCHAR,
    sentences        BIGINT,        -- sentences handled by both
    first_total      BIGINT,
    first_matched    BIGINT,
    second_total     BIGINT,
    second_matched   BIGINT
);

-- One row per analyze run: what was read, skipped and how long it took.
CREATE TABLE IF NOT EXISTS runs (
    run_id      VARCHAR,
    source      VARCHAR,
    started_at  TIMESTAMP,
    finished_at TIMESTAMP,
    cards_seen  BIGINT,
    cards_new   BIGINT,
    cards_skipped BIGINT,
    failures    BIGINT,
    cards_replaced BIGINT,              -- of cards_new: cards that replaced an older version
    duplicates  BIGINT,                 -- cards whose id came again in the same source (first kept)
    bytes       BIGINT,                 -- UTF-8 bytes of the cards seen
    pruned      BIGINT,                 -- stored cards the source no longer gave, deleted (analyze --prune; else null)
    facts_updated BIGINT                -- of cards_skipped: cards whose text was unchanged and whose repo facts were updated
);

-- What the store is: key 'schema_version' holds the version of this file the store was last brought to
-- (CardStore.SCHEMA_VERSION); CardStore migrates older stores when it opens them for writing.
CREATE TABLE IF NOT EXISTS store_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

-- Metadata values the card text supports and the YAML lacks (cardminer suggest); conflicts are values the
-- text supports that differ from the YAML's, reported and never patched. A re-run replaces a card's rows.
CREATE TABLE IF NOT EXISTS suggestions (
    card_id       VARCHAR NOT NULL,
    field         VARCHAR NOT NULL,   -- metadata key
    value         VARCHAR,            -- the value; JSON for model-index entries
    confidence    DOUBLE,
    method        VARCHAR,            -- the rule that found it
    evidence      VARCHAR,            -- the sentence or line it was read from
    line          INTEGER,            -- 1-based line in the card file (0: read from the repo id, on no line)
    "column"      INTEGER,
    start_offset  INTEGER,            -- UTF-16 offsets into the body, -1 when not from the body
    end_offset    INTEGER,
    conflict      BOOLEAN NOT NULL,   -- true: the YAML says otherwise
    yaml_value    VARCHAR             -- for conflicts, the YAML's value as JSON
);

-- Model facts collected from the Hub (cardminer collect --from-db): one row per model, its facts JSON, or
-- the error that kept it from being collected (retried by the next run).
CREATE TABLE IF NOT EXISTS model_facts (
    model_id         VARCHAR PRIMARY KEY,
    sha              VARCHAR,
    collected_at     TIMESTAMP,
    total_parameters BIGINT,
    facts_json       VARCHAR,    -- the facts file's JSON; null when collection failed
    error            VARCHAR     -- why it failed (one line); null on success
);

-- Every classifier output (cardminer classify --db), logged with what produced it so that runs can be
-- compared and drift told apart from changed cards (seed 004).
CREATE TABLE IF NOT EXISTS classifications (
    run_id            VARCHAR NOT NULL,
    card_id           VARCHAR NOT NULL,
    label_set         VARCHAR NOT NULL,
    label_set_version VARCHAR NOT NULL,
    method            VARCHAR NOT NULL,
    rank              INTEGER NOT NULL,
    label             VARCHAR,
    score             DOUBLE,
    evidence          VARCHAR,
    model             VARCHAR NOT NULL,
    model_version     VARCHAR,
    prompt_version    VARCHAR NOT NULL,
    input_hash        VARCHAR NOT NULL,   -- what the classifier saw
    created_at        TIMESTAMP NOT NULL
);
