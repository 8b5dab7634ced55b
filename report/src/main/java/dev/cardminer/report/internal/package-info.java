/**
 * The report's sections, tables, charts, word clouds, CSV and HTML escaping. Not API.
 */
package dev.cardminer.report.internal;
