/**
 * How the Hub client talks HTTP: {@link dev.cardminer.hub.internal.HubHttp} (redirects, token policy, retries
 * and the shared rate-limit pause), the URL shapes, JSON readers and the resumable downloader.
 */
package dev.cardminer.hub.internal;
