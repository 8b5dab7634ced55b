package dev.cardminer.io.concepts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables the annotation phase reads and writes, created when missing (they are also in schema.sql;
 * repeating them here lets the phase run on a store created by an older writer).
 */
final class ConceptTables {

    private ConceptTables() {
    }

    static void ensure(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS sentences (card_id VARCHAR NOT NULL, position INTEGER NOT NULL,
                        section VARCHAR, heading VARCHAR, start_offset INTEGER, end_offset INTEGER, text VARCHAR,
                        text_hash VARCHAR)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS annotations (card_id VARCHAR NOT NULL, sentence INTEGER NOT NULL,
                        subject VARCHAR, category VARCHAR, description VARCHAR, span_start INTEGER, span_end INTEGER,
                        annotator VARCHAR)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS llm_cache (model VARCHAR NOT NULL, prompt_version VARCHAR NOT NULL,
                        text_hash VARCHAR NOT NULL, response VARCHAR, prompt_tokens INTEGER, completion_tokens INTEGER,
                        created_at TIMESTAMP)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS annotated_sentences (card_id VARCHAR NOT NULL, sentence INTEGER NOT NULL,
                        annotator VARCHAR NOT NULL)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS annotator_agreement (measured_at TIMESTAMP, first_annotator VARCHAR,
                        second_annotator VARCHAR, sentences BIGINT, first_total BIGINT, first_matched BIGINT,
                        second_total BIGINT, second_matched BIGINT)""");
        }
    }
}
