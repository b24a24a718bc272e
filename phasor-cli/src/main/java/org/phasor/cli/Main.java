package org.phasor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code phasor} command. Subcommands are {@code Callable<Integer>}; user errors (bad input, bad config)
 * surface as one line on stderr and exit code 2, never a stack trace (set PHASOR_DEBUG=1 to see one).
 */
@Command(name = "phasor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate, train in situ (fully forward mode) and deploy optical neural networks.",
        subcommands = {CommandLine.HelpCommand.class, PropagateCommand.class, DemoCommand.class, PropagationDemoCommand.class, ReproduceCommand.class,
                org.phasor.cli.bench.GradCommand.class,
                org.phasor.cli.lightgen.LightgenCommand.class, org.phasor.cli.lightgen.GenerateCommand.class,
                org.phasor.cli.run.TrainCommand.class, org.phasor.cli.run.EvalCommand.class,
                org.phasor.cli.run.ExportCommand.class, org.phasor.cli.lightgen.EnergyCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }
}
