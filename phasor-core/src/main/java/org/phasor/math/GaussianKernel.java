package org.phasor.math;

/** A Gaussian sampled on whole pixels and normalised to sum 1: the one kernel every pixel blur here uses. */
public final class GaussianKernel {
    private GaussianKernel() {
    }

    /** Weights at −r..r for r = ⌈3σ⌉ (σ in pixels, > 0), normalised to sum 1; {1} for σ = 0. */
    public static double[] sampled(double sigma) {
        if (sigma == 0) {
            return new double[]{1};
        }
        if (!(sigma > 0 && sigma <= 1e4)) {
            throw new IllegalArgumentException("Gaussian width must be in (0, 1e4] px, got " + sigma);
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            s += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        return k;
    }
}
