/**
 * The extractors behind {@link dev.cardminer.suggest.Extractors}, the text helpers they share (evidence
 * location, Hub references, the Trainer's results block) and the unified diff. Not API.
 */
package dev.cardminer.suggest.internal;
