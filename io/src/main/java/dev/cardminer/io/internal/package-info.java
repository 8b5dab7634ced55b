/**
 * How io works inside: the pipeline ({@link dev.cardminer.io.internal.Pipeline}: reader, parser
 * and writer stages), rows built per card, the store writer, the Hub client, progress. Not API.
 */
package dev.cardminer.io.internal;
