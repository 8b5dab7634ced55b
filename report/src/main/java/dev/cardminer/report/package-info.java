/**
 * The HTML report of a store: {@link dev.cardminer.report.ReportWriter} with
 * {@link dev.cardminer.report.ReportOptions}.
 */
package dev.cardminer.report;
