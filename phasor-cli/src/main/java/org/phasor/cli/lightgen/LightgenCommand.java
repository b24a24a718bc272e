package org.phasor.cli.lightgen;

import picocli.CommandLine.Command;

/** {@code phasor lightgen …}: the all-optical generative task (issue 9) and its digital baselines. */
@Command(name = "lightgen", mixinStandardHelpOptions = true,
        description = "All-optical generative networks: optical latent space, metrics, digital baselines.",
        subcommands = {TrainClassifierCommand.class, ScaleCommand.class})
public final class LightgenCommand {
}
