package org.phasor.cli;

import org.phasor.cli.apps.LowLightCommand;
import org.phasor.cli.apps.NlosCommand;
import org.phasor.cli.apps.ScatteringFocusCommand;
import org.phasor.cli.photonics.ExceptionalPointCommand;
import org.phasor.cli.photonics.PhotonicIrisCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code phasor reproduce <case>}: re-runs a published result and writes its table and figures. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a published result (tables and figures) into an output directory.",
        subcommands = {org.phasor.cli.bench.FfmLayersCommand.class, PhotonicIrisCommand.class, ExceptionalPointCommand.class,
                org.phasor.cli.lightgen.ReproduceLightgenCommand.class, org.phasor.cli.lightgen.ReproduceLightgenInSituCommand.class, ScatteringFocusCommand.class, NlosCommand.class,
                LowLightCommand.class, CommandLine.HelpCommand.class})
public final class ReproduceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
