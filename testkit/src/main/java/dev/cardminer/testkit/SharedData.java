package dev.cardminer.testkit;

import java.nio.file.Path;

/** Where the read-only shared data lies: the {@code cardminer.shared} system property set by the build, else {@code ../shared}. */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data folder; it may be missing where the data is not checked out. */
    public static Path root() {
        return Path.of(System.getProperty("cardminer.shared", "../shared"));
    }

    /** The 499-card corpus folder. */
    public static Path corpusCards() {
        return root().resolve("corpus/cards");
    }

    /** What the Hub's Python client makes of each corpus card. */
    public static Path hubReference() {
        return root().resolve("corpus/hf_hub_reference");
    }

    /** 19k real cards in the Hub dataset's Parquet schema. */
    public static Path hub2023Parquet() {
        return root().resolve("corpus/hub-2023.parquet");
    }

    /** The corpus's manifest ({@code MANIFEST.tsv}). */
    public static Path manifest() {
        return root().resolve("corpus/MANIFEST.tsv");
    }
}
