package dev.cardminer.facts;

/**
 * A dataset placed in the seed's taxonomy of training-data sources.
 *
 * @param dataset    the dataset id as the card names it
 * @param category   a taxonomy path: {@code web/news}, {@code books/literary/fiction}, {@code specific_datasets/finance}
 * @param confidence 0 to 1: curated table 0.95, the dataset card's own metadata 0.8, its description's words 0.5–0.7
 * @param evidence   what the placement rests on, in words
 */
public record TaxonomyLink(String dataset, String category, double confidence, String evidence) {
}
