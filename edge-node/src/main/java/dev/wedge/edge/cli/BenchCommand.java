package dev.wedge.edge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./wedge bench ...}: benchmarks that print their figures as one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures as one JSON object.",
        subcommands = {BenchConveyorCommand.class, BenchSyncCommand.class, BenchScanCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
