package org.phasor.sim.experiment;

import java.util.List;
import java.util.Objects;

/**
 * Settings of the FFM-vs-depth reproduction (Xue et al. 2024, Fashion-MNIST with 2/4/6/8 phase layers).
 *
 * @param n               pixels per plane (n×n)
 * @param pitch           pixel pitch, metres
 * @param wavelength      metres
 * @param spacing         distance between consecutive planes, metres
 * @param upsample        grid pixels per image pixel (28×28 images)
 * @param detector        detector square size, pixels (3-4-3 layout)
 * @param layerCounts     network depths to run
 * @param trainSamples    training images (balanced head of the shipped subset), 0 = all
 * @param testSamples     test images, 0 = all
 * @param epochs          epochs per method
 * @param batch           samples per step
 * @param learningRate    Adam step size (radians) at the start
 * @param finalLearningRate step size at the end of a cosine annealing over the whole run (= learningRate: constant);
 *                        the same schedule for every method, so noisy bench gradients are averaged down late in
 *                        training exactly as the model's exact ones are
 * @param benchFinalLearningRate the same cosine's end for the methods trained on the bench (FFM, PAT, the exact
 *                        twin); = finalLearningRate unless set. The bench drifts while it trains (the panels creep),
 *                        so a tracking optimiser needs a step that does not vanish; the in-silico model does not move
 * @param ffm             how FFM measures on the bench (holography, reference tracking, re-calibration)
 * @param methods         methods trained on the bench besides in-silico ({@code ffm}, {@code pat}, {@code pso})
 * @param seed            seed of the initial phases and the sample order
 */
public record FfmLayersConfig(int n, double pitch, double wavelength, double spacing, int upsample, int detector,
                              List<Integer> layerCounts, int trainSamples, int testSamples, int epochs, int batch,
                              double learningRate, double finalLearningRate, double benchFinalLearningRate,
                              FfmProcedure ffm, List<String> methods, long seed) {

    public FfmLayersConfig {
        layerCounts = List.copyOf(layerCounts);
        methods = List.copyOf(methods);
        Objects.requireNonNull(ffm, "ffm procedure");
        if (!(benchFinalLearningRate > 0 && benchFinalLearningRate <= learningRate)) {
            throw new IllegalArgumentException("final learning rate on the bench must be in (0, " + learningRate
                    + "], got " + benchFinalLearningRate);
        }
        for (String m : methods) {
            if (!List.of("ffm", "pat", "pso", "exact-twin").contains(m)) {
                throw new IllegalArgumentException("unknown bench method '" + m
                        + "' (expected ffm, pat, pso or exact-twin)");
            }
        }
    }

    /**
     * The paper's geometry at reduced size, minutes on two cores: 64×64 planes of 8 µm at 532 nm, 28×28 images
     * upsampled ×2, spacing 3.4 mm (the same Fresnel number per plane as 120 px at 12 mm), 1 epoch of 2 000
     * training images, 500 test images. Phases kept in each SLM's measured range (no wraps).
     */
    public static FfmLayersConfig quick() {
        return new FfmLayersConfig(64, 8e-6, 532e-9, 3.4e-3, 2, 4, List.of(2, 4, 6, 8), 2000, 500, 1, 20, 0.05, 0.05, 0.05,
                new FfmProcedure(3, false, 0, 0).withKeepInRange(true), List.of("ffm", "pat"), 1);
    }

    /**
     * The PHYSICS.md numpy check's geometry: 120×120 planes of 8 µm, 12 mm spacing, images upsampled ×3; the whole
     * shipped subset (6 000 / 1 000), 2 epochs. FFM re-measures the reference phase before every holographic
     * measurement, re-registers the modulators every 5 steps (2 flat-field measurements each) and re-calibrates
     * fully every 50: at 6 layers the lateral drift between registrations had cost 1.3 points (docs/results.md).
     * Bench-trained phases are kept in each SLM's measured range: a drive crossing the wrap is smeared onto its
     * neighbours by the crosstalk (at 2 layers the exact twin fell from 80.0 to 50.2 % without this).
     */
    public static FfmLayersConfig full() {
        return new FfmLayersConfig(120, 8e-6, 532e-9, 12e-3, 3, 8, List.of(2, 4, 6, 8), 0, 0, 2, 20, 0.05, 0.0005, 0.0005,
                new FfmProcedure(3, true, 50, 5).withKeepInRange(true), List.of("ffm", "pat"), 1);
    }

    public FfmLayersConfig withLayers(List<Integer> l) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, l, trainSamples, testSamples,
                epochs, batch, learningRate, finalLearningRate, benchFinalLearningRate, ffm, methods, seed);
    }

    public FfmLayersConfig withSamples(int train, int test, int ep) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, train, test, ep,
                batch, learningRate, finalLearningRate, benchFinalLearningRate, ffm, methods, seed);
    }

    public FfmLayersConfig withMethods(List<String> m) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, benchFinalLearningRate, ffm, m, seed);
    }

    public FfmLayersConfig withFfm(FfmProcedure p) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, benchFinalLearningRate, p, methods, seed);
    }

    /** The bench-trained methods' cosine ends at {@code lr} (the in-silico design keeps {@link #finalLearningRate}). */
    public FfmLayersConfig withBenchFinalLearningRate(double lr) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, lr, ffm, methods, seed);
    }

    /** Another training seed (initial phases, sample order); the lab is set by the profile's own seed. */
    public FfmLayersConfig withSeed(long s) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, benchFinalLearningRate, ffm, methods, s);
    }
}
