package org.phasor.cli.apps;

import org.phasor.cli.FftOption;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.Profiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

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
            description = "seed of everything random (media, sample order, swarm, camera noise); "
                    + "default ${DEFAULT-VALUE}")
    long seed;

    @Mixin
    FftOption fft;

    /** The named or file profile, re-seeded with {@code --seed}. */
    Imperfections imperfections() throws IOException {
        return Profiles.load(profile).withSeed(seed);
    }

    /** A propagator on the chosen FFT backend, warnings to stderr. */
    Propagator propagator() {
        return new Propagator(fft.backend(), Propagator.STDERR);
    }

    /** Progress lines of a reproduction, on stderr. */
    static final Consumer<String> PROGRESS = msg -> System.err.println("phasor: " + msg);

    /** Tells the user where the table went. */
    void announce() {
        System.out.println("wrote " + out.resolve("table.md"));
    }
}
