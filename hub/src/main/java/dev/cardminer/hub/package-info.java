/**
 * The Hugging Face Hub client: {@link dev.cardminer.hub.HubClient} (built from {@link dev.cardminer.hub.HubOptions})
 * lists models, reads repo info, files and byte ranges at a revision, downloads with resumption, lists
 * discussions and opens pull requests. Its failures are {@link dev.cardminer.hub.HubException}s with one line
 * for people; {@link dev.cardminer.hub.Redaction} keeps credentials out of every message.
 */
package dev.cardminer.hub;
