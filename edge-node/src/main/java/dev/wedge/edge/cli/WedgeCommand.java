package dev.wedge.edge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./wedge} command line: one subcommand per process or tool. */
@Command(name = "wedge", mixinStandardHelpOptions = true, version = "wedge 0.1.0",
        description = "Wedge, the warehouse edge node: scanners, label printers, conveyors, routes and sync with HQ.",
        subcommands = {DemoCommand.class, EdgeCommand.class, HqCommand.class, SetupCommand.class})
public final class WedgeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WedgeCommand()).execute(args));
    }
}
