package dev.wedge.edge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./wedge} command line: one subcommand per process or tool. */
@Command(name = "wedge", mixinStandardHelpOptions = true, version = "wedge 0.1.0",
        description = "Wedge, the warehouse edge node: scanners, label printers, conveyors, routes and sync with HQ.",
        subcommands = {DemoCommand.class, EdgeCommand.class, HqCommand.class, SetupCommand.class, Gs1Command.class,
                DecodeCommand.class, RouteCommand.class, LabelCommand.class, BenchCommand.class})
public final class WedgeCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: show the usage and fail, so scripts notice. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WedgeCommand()).execute(args));
    }
}
