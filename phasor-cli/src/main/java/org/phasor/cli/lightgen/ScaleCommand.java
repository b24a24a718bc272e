package org.phasor.cli.lightgen;

import org.phasor.cli.FftOption;
import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;
import org.phasor.io.AtomicWrite;
import org.phasor.math.Precision;
import org.phasor.optics.propagation.Propagator;
import org.phasor.task.generative.LightgenExperiment;
import org.phasor.task.generative.OpticalVae;
import org.phasor.task.generative.OpticalVaeConfig;
import org.phasor.task.generative.OpticalVaeTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The scale configuration of the generative task: ≥ 2 million trainable phase pixels (default 1 + 1 layers of
 * 1024², 2.1 M) producing 512×512 camera images. Trains a few in-silico steps on Fashion-MNIST images resized to
 * 512×512, generates, and reports seconds per training step and per generated image and peak memory.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Run the ≥2 M phase-pixel, 512x512-image optical VAE for a few steps; report time and memory.")
public final class ScaleCommand implements Callable<Integer> {
    @Option(names = "--grid", defaultValue = "1024")
    int grid;
    @Option(names = "--image", defaultValue = "512", description = "camera image side, pixels")
    int image;
    @Option(names = "--encoder-layers", defaultValue = "1")
    int encoderLayers;
    @Option(names = "--decoder-layers", defaultValue = "1")
    int decoderLayers;
    @Option(names = "--channels", defaultValue = "64")
    int channels;
    @Option(names = "--steps", defaultValue = "3")
    int steps;
    @Option(names = "--batch", defaultValue = "2")
    int batch;
    @Option(names = "--out", required = true)
    Path out;
    @Mixin
    FftOption fft;

    @Override
    public Integer call() throws Exception {
        OpticalVaeConfig c = new OpticalVaeConfig(grid, 8e-6, 532e-9, 20e-3, 1, encoderLayers, decoderLayers, channels,
                20e-6, 80e-6, true, 0.3, 1.0, image, 1);
        System.out.printf(Locale.ROOT, "optical CVAE: %d+%d phase layers of %d² = %.2f M trainable phase pixels, K=%d, %dx%d images%n",
                encoderLayers, decoderLayers, grid, c.phasePixels() / 1e6, channels, image, image);
        DataSplit split = Datasets.fashionMnist(null, Datasets.Preference.AUTO, System.out::println);
        int n = steps * batch;
        double[] x = new double[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = split.train().features()[i];
        }
        int[] y = java.util.Arrays.copyOf(split.train().labels(), n);
        long t0 = System.nanoTime();
        OpticalVae vae = new OpticalVae(c, new Propagator(fft.backend(), Propagator.STDERR), Precision.SINGLE, batch);
        vae.calibrate(x, y, batch);
        double setup = (System.nanoTime() - t0) * 1e-9;
        long t1 = System.nanoTime();
        long done = OpticalVaeTraining.train(vae, x, y, n, new OpticalVaeTraining.Settings(1, batch, 0.03, 1), 1,
                e -> System.out.printf(Locale.ROOT, "step %d: reconstruction %.3f, KL %.3f (%.1f s)%n", e.step(),
                        e.reconstruction(), e.kl(), e.seconds()));
        double perStep = (System.nanoTime() - t1) * 1e-9 / done;
        int gen = batch;
        int[] labels = new int[gen];
        for (int i = 0; i < gen; i++) {
            labels[i] = i % 10;
        }
        long t2 = System.nanoTime();
        vae.decode(LightgenExperiment.priorLatents(gen, channels, 5), labels, gen);
        double perImage = (System.nanoTime() - t2) * 1e-9 / gen;
        Files.createDirectories(out);
        Figures.grey(out.resolve("scale_sample.png"), normalised(vae.cameraWindow(0)), image, image);
        long heapPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heapPeak += p.getPeakUsage().getUsed();
            }
        }
        long rssPeak = peakRssBytes();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("config", c);
        r.put("phase_pixels", c.phasePixels());
        r.put("batch", batch);
        r.put("training_steps", done);
        r.put("setup_seconds", setup);
        r.put("seconds_per_training_step", perStep);
        r.put("seconds_per_generated_image", perImage);
        r.put("peak_heap_bytes", heapPeak);
        r.put("peak_rss_bytes", rssPeak);
        r.put("fft_backend", fft.choice());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        byte[] json = RunFiles.JSON.writeValueAsBytes(r);
        AtomicWrite.write(out.resolve("scale.json"), o -> o.write(json));
        System.out.printf(Locale.ROOT, "%.2f M phase pixels, %dx%d images: %.2f s per training step (batch %d), %.2f s per "
                        + "generated image, peak heap %.0f MB, peak RSS %.0f MB (%d cores)%n", c.phasePixels() / 1e6, image,
                image, perStep, batch, perImage, heapPeak / 1e6, rssPeak / 1e6, Runtime.getRuntime().availableProcessors());
        return 0;
    }

    /** Scales a camera frame to [0, 1] by its maximum for display. */
    static double[] normalised(double[] f) {
        double max = 0;
        for (double v : f) {
            max = Math.max(max, v);
        }
        double[] o = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            o[i] = max > 0 ? f[i] / max : 0;
        }
        return o;
    }

    /** VmHWM of this process from /proc (Linux); −1 elsewhere. Off-heap field buffers count here, not in the heap. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
