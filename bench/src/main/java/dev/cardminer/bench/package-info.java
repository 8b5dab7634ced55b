/**
 * Benchmarks that print figures, run by {@code ./cardminer bench ...} from a jar of their own (the
 * command line's jar carries no JMH): {@link dev.cardminer.bench.BenchCommand} with the subcommands
 * parse (JMH), analyze and llm. Public API of the other modules only.
 */
package dev.cardminer.bench;
