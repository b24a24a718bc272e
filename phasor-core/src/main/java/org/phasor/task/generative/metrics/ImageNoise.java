package org.phasor.task.generative.metrics;

import java.util.SplittableRandom;

/** Seeded corruptions of [0, 1] images for the denoising task. */
public final class ImageNoise {
    private ImageNoise() {
    }

    /** x + σ·N(0, 1), clipped to [0, 1]. */
    public static double[] gaussian(double[] x, double sigma, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.min(1, Math.max(0, x[i] + sigma * rnd.nextGaussian()));
        }
        return y;
    }

    /** Multiplicative (speckle) noise x·(1 + σ·N(0, 1)), clipped to [0, 1] (scikit-image's "speckle" mode). */
    public static double[] speckle(double[] x, double sigma, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.min(1, Math.max(0, x[i] * (1 + sigma * rnd.nextGaussian())));
        }
        return y;
    }
}
