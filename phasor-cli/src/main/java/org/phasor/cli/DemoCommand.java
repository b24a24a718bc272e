package org.phasor.cli;

import org.phasor.cli.bench.FfmLayersDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code phasor demo}: the project's main job in a few minutes — a 4-layer phase network designed in silico and
 * deployed on the simulated {@code lab} bench, against the same network trained in situ on that bench by fully
 * forward mode. Prints the table and writes table.json, table.md, accuracy.png, phase_masks.png and designs/L4.npz under --out.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"In-silico design deployed on the simulated lab bench vs fully-forward (FFM) training on it:",
                "4 phase layers of 64x64 (8 um, 532 nm), shipped Fashion-MNIST subset (1000 train / 300 test images).",
                "Prints the accuracy table and writes table.json, table.md, accuracy.png, phase_masks.png and designs/L4.npz under --out."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--bench", paramLabel = "ideal|lab|FILE", defaultValue = "lab",
            description = "Imperfection profile of the simulated bench (default: ${DEFAULT-VALUE}).")
    String bench = "lab";

    @Option(names = "--fft", paramLabel = "auto|java|fftw", defaultValue = "auto",
            description = "FFT backend (default: ${DEFAULT-VALUE}).")
    String fft = "auto";

    @Override
    public Integer call() throws Exception {
        return FfmLayersDemo.run(spec, dir, bench, fft);
    }
}
