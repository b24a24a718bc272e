package org.phasor.optics.detect;

import org.phasor.math.ComplexArray;

import java.util.stream.IntStream;

/**
 * A full-frame intensity detector: I = |u|² per sample (batch-major, [b][y][x]). Backward: given dL/dI,
 * ∂L/∂u* = dL/dI ⊙ u.
 */
public final class IntensityDetector {
    private IntensityDetector() {
    }

    /** out[i] = |u[i]|² for every flat index i (length batch·ny·nx). */
    public static void intensity(ComplexArray u, double[] out) {
        if (out.length != u.size()) {
            throw new IllegalArgumentException("intensity needs " + u.size() + " values, got " + out.length);
        }
        IntStream.range(0, u.batch() * u.ny()).parallel().forEach(r -> {
            int nx = u.nx();
            double[] row = new double[2 * nx];
            u.load((long) r * nx, row, 0, nx);
            int o = r * nx;
            for (int x = 0; x < nx; x++) {
                out[o + x] = row[2 * x] * row[2 * x] + row[2 * x + 1] * row[2 * x + 1];
            }
        });
    }

    public static double[] intensity(ComplexArray u) {
        double[] out = new double[Math.toIntExact(u.size())];
        intensity(u, out);
        return out;
    }

    /** grad ← dLdI ⊙ u (= ∂L/∂u*), overwriting {@code grad}. */
    public static void backward(ComplexArray u, double[] dLdI, ComplexArray grad) {
        u.requireSameShape(grad);
        if (dLdI.length != u.size()) {
            throw new IllegalArgumentException("intensity gradient needs " + u.size() + " values, got " + dLdI.length);
        }
        IntStream.range(0, u.batch() * u.ny()).parallel().forEach(r -> {
            int nx = u.nx();
            double[] row = new double[2 * nx];
            long start = (long) r * nx;
            u.load(start, row, 0, nx);
            int o = r * nx;
            for (int x = 0; x < nx; x++) {
                row[2 * x] *= dLdI[o + x];
                row[2 * x + 1] *= dLdI[o + x];
            }
            grad.store(start, row, 0, nx);
        });
    }
}
