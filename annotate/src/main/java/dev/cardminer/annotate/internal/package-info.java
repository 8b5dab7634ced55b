/**
 * How annotate works inside: the Markdown sentence splitter, gazetteers and phrase matching, the chat
 * client and its answer parser. Not API.
 */
package dev.cardminer.annotate.internal;
