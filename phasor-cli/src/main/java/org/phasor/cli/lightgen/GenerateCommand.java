package org.phasor.cli.lightgen;

import org.phasor.cli.FftOption;
import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import org.phasor.io.NpyDtype;
import org.phasor.math.Precision;
import org.phasor.optics.propagation.Propagator;
import org.phasor.task.generative.LightgenExperiment;
import org.phasor.task.generative.OpticalVae;
import org.phasor.task.generative.OpticalVaeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code phasor generate RUN_DIR}: latents from the prior launched into the fibres, decoder only, camera images out. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate images with a trained optical VAE (prior latents launched into the fibre channels).")
public final class GenerateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run directory with config.json and state.npz (e.g. OUT/optical-cvae)")
    Path runDir;
    @Option(names = "--class", description = "class to generate (conditional models; default: cycle through all)")
    Integer clazz;
    @Option(names = "--n", defaultValue = "16")
    int n;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--out", required = true, description = "FILE.png (a grid) or FILE.npy (float32 [n][28][28])")
    Path out;
    @Mixin
    FftOption fft;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".npy")) {
            throw new IllegalArgumentException("--out must end in .png or .npy, got " + out);
        }
        if (n < 1) {
            throw new IllegalArgumentException("--n must be ≥ 1, got " + n);
        }
        OpticalVaeConfig c = RunFiles.config(runDir);
        if (clazz != null && (!c.conditional() || clazz < 0 || clazz >= OpticalVaeConfig.CLASSES)) {
            throw new IllegalArgumentException(c.conditional() ? "--class must be 0..9, got " + clazz
                    : "--class given but the model in " + runDir + " is unconditional");
        }
        OpticalVae vae = new OpticalVae(c, new Propagator(fft.backend(), Propagator.STDERR), Precision.SINGLE, Math.min(n, 64));
        vae.setState(RunFiles.state(runDir, c));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = clazz != null ? clazz : i % OpticalVaeConfig.CLASSES;
        }
        double[] images = vae.decode(LightgenExperiment.priorLatents(n, c.channels(), seed), labels, n);
        if (name.endsWith(".npy")) {
            Npy.write(out, NpyArray.ofReal(NpyDtype.FLOAT32, new int[]{n, 28, 28}, images));
        } else {
            int cols = Math.min(n, 10);
            Figures.imageGrid(out, images, (n + cols - 1) / cols, cols, 2);
        }
        System.out.println("wrote " + n + " images to " + out);
        return 0;
    }
}
