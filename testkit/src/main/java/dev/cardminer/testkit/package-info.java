/**
 * Test support for every cardminer module: {@link dev.cardminer.testkit.SharedData} finds the shared corpus,
 * {@link dev.cardminer.testkit.LocalHttpServer} is the one local HTTP server that tests script to play the Hub,
 * an LLM server or any other peer. Never a runtime dependency.
 */
package dev.cardminer.testkit;
