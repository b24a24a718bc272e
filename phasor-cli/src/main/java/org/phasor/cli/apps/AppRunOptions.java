package org.phasor.cli.apps;

import org.phasor.cli.FftOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every free-space application reproduction shares (scattering-focus, nlos, low-light). */
public final class AppRunOptions {
    @Option(names = "--out", required = true, description = "output directory (table.json, table.md, PNG figures)")
    Path out;

    @Option(names = "--quick", description = "smaller bench and fewer samples/iterations (minutes become seconds; "
            + "what a test runs); the sizes are in docs/applications.md")
    boolean quick;

    @Option(names = "--profile", defaultValue = "ideal",
            description = "bench imperfection profile (ideal, lab or a YAML file); default ${DEFAULT-VALUE}")
    String profile;

    @Option(names = "--seed", defaultValue = "7",
            description = "seed of everything random (media, sample order, swarm, camera noise); default ${DEFAULT-VALUE}")
    long seed;

    @Mixin
    FftOption fft;
}
