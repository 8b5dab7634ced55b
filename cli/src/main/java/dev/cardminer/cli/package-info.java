/**
 * The {@code cardminer} command line: {@link dev.cardminer.cli.Cardminer} and one picocli command per
 * job. Commands parse options and call the library; what they orchestrate lives in the modules.
 */
package dev.cardminer.cli;
