/**
 * The explorer's implementation: the JDK HTTP server and routing ({@link dev.cardminer.web.internal.ExplorerServer}),
 * the read-only store with its start-time facts tables, one class per page, the escaping HTML writer and the
 * sanitising Markdown renderer.
 */
package dev.cardminer.web.internal;
