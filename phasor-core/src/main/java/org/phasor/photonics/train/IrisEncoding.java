package org.phasor.photonics.train;

import org.phasor.data.Dataset;

/**
 * Iris features as the 16×1 input vector of the FFM paper's chip: amplitudes on 16 input waveguides (an
 * amplitude-modulator array, real and non-negative) built from the four min–max scaled features f ∈ [0, 1]
 * (scaled with the training set's ranges):
 * <pre>x = [f₁..f₄, f₁²..f₄², 1−f₁..1−f₄, 1, 1, 1, 1] / 4</pre>
 * The squares and complements give the quadratic intensity read-out more to work with, the constant
 * entries act as a bias, and the total power is ≤ 1 for every sample, so a chip never sees more than its
 * unit launch power.
 */
public final class IrisEncoding {
    public static final int WIDTH = 16;

    private IrisEncoding() {
    }

    /** Interleaved complex inputs [size][2·16] of a min–max scaled Iris dataset. */
    public static double[][] encode(Dataset scaled) {
        if (scaled.sampleSize() != 4) {
            throw new IllegalArgumentException(scaled.name() + ": Iris encoding needs 4 features per sample, got " + scaled.sampleSize());
        }
        return encode(scaled.features(), scaled.size());
    }

    /** The same from flat scaled features (4 per sample), e.g. a trainer's {@code Batch}. */
    public static double[][] encode(float[] features, int samples) {
        if (features.length != 4 * samples) {
            throw new IllegalArgumentException("Iris encoding needs 4 features per sample, got " + features.length + " values for " + samples);
        }
        double[][] x = new double[samples][2 * WIDTH];
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < 4; k++) {
                double f = Math.clamp(features[4 * i + k], 0.0f, 1.0f);
                x[i][2 * k] = f / 4;
                x[i][2 * (4 + k)] = f * f / 4;
                x[i][2 * (8 + k)] = (1 - f) / 4;
                x[i][2 * (12 + k)] = 0.25;
            }
        }
        return x;
    }
}
