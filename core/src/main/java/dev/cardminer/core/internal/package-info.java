/**
 * How core reads cards: the Hub's block splitter, the YAML 1.2 reader with locations, metadata
 * checks, the Markdown section analysis, link extraction, the line-preserving block editor. Entry point:
 * {@link dev.cardminer.core.internal.DefaultCardParser}. Not API: other modules never import it (the
 * module boundary test fails the build).
 */
package dev.cardminer.core.internal;
