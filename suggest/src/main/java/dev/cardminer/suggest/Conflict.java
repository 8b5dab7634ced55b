package dev.cardminer.suggest;

/**
 * The card's text says something other than its YAML: reported, never patched.
 *
 * @param field      the metadata key
 * @param yamlValue  what the YAML holds (plain data as parsed)
 * @param suggestion what the text says
 */
public record Conflict(String field, Object yamlValue, Suggestion suggestion) {
}
