package org.phasor.sim.experiment;

import org.phasor.bench.Holography;

import java.util.List;

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
 * @param holographySteps 3 or 4
 * @param trackEach       FFM re-measures the reference phase before every holographic measurement (not only once per step)
 * @param recalibrateEvery FFM re-measures the bench calibration every this many steps (0 = only before training):
 *                        the registration it maps gradients through goes stale as the bench drifts
 * @param registerEvery   FFM re-registers the modulators (response kept) every this many steps in between (0 = never)
 * @param methods         methods trained on the bench besides in-silico ({@code ffm}, {@code pat}, {@code pso})
 * @param seed            seed of the initial phases and the sample order
 */
public record FfmLayersConfig(int n, double pitch, double wavelength, double spacing, int upsample, int detector,
                              List<Integer> layerCounts, int trainSamples, int testSamples, int epochs, int batch,
                              double learningRate, double finalLearningRate, int holographySteps, boolean trackEach, int recalibrateEvery, int registerEvery, List<String> methods, long seed) {

    public FfmLayersConfig {
        layerCounts = List.copyOf(layerCounts);
        methods = List.copyOf(methods);
        if (recalibrateEvery < 0 || registerEvery < 0) {
            throw new IllegalArgumentException("re-calibration / re-registration intervals must be ≥ 0 steps, got "
                    + recalibrateEvery + " / " + registerEvery);
        }
        Holography.requireSteps(holographySteps);
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
     * training images, 500 test images.
     */
    public static FfmLayersConfig quick() {
        return new FfmLayersConfig(64, 8e-6, 532e-9, 3.4e-3, 2, 4, List.of(2, 4, 6, 8), 2000, 500, 1, 20, 0.05, 0.05, 3, false, 0, 0,
                List.of("ffm", "pat"), 1);
    }

    /**
     * The PHYSICS.md numpy check's geometry: 120×120 planes of 8 µm, 12 mm spacing, images upsampled ×3; the whole
     * shipped subset (6 000 / 1 000), 2 epochs.
     */
    public static FfmLayersConfig full() {
        return new FfmLayersConfig(120, 8e-6, 532e-9, 12e-3, 3, 8, List.of(2, 4, 6, 8), 0, 0, 2, 20, 0.05, 0.0005, 3, false, 50, 0,
                List.of("ffm", "pat"), 1);
    }

    public FfmLayersConfig withLayers(List<Integer> l) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, l, trainSamples, testSamples,
                epochs, batch, learningRate, finalLearningRate, holographySteps, trackEach, recalibrateEvery, registerEvery, methods, seed);
    }

    public FfmLayersConfig withSamples(int train, int test, int ep) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, train, test, ep,
                batch, learningRate, finalLearningRate, holographySteps, trackEach, recalibrateEvery, registerEvery, methods, seed);
    }

    public FfmLayersConfig withMethods(List<String> m) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, holographySteps, trackEach, recalibrateEvery, registerEvery, m, seed);
    }

    public FfmLayersConfig withHolographySteps(int steps) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, steps, trackEach, recalibrateEvery, registerEvery,
                methods, seed);
    }

    public FfmLayersConfig withReferenceTracking(boolean each) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, holographySteps, each, recalibrateEvery,
                registerEvery, methods, seed);
    }

    public FfmLayersConfig withRecalibration(int recalibrate, int register) {
        return new FfmLayersConfig(n, pitch, wavelength, spacing, upsample, detector, layerCounts, trainSamples,
                testSamples, epochs, batch, learningRate, finalLearningRate, holographySteps, trackEach, recalibrate, register,
                methods, seed);
    }
}
