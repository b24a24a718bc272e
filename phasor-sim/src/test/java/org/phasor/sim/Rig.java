package org.phasor.sim;

import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.IntensityObjective;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.propagation.Propagator;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small benches and inputs shared by the tests (seeded). */
final class Rig {
    static final Propagator PROP = new Propagator(FftBackends.java(), msg -> { });

    private Rig() {
    }

    /** n×n planes of 8 µm at 532 nm, {@code layers} modulators spaced {@code z} apart. */
    static BenchDescription description(int n, int layers, double z) {
        double[] d = new double[layers + 1];
        Arrays.fill(d, z);
        return new BenchDescription("test", n, n, 8e-6, 532e-9, d, layers, 256, 1.0 / 42);
    }

    /** Random phases on the nominal level grid (2π·ℓ/256), so the bench shows exactly these phases. */
    static double[][] levelPhases(int layers, int pixels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[layers][pixels];
        for (double[] layer : p) {
            for (int i = 0; i < pixels; i++) {
                layer[i] = 2 * Math.PI * r.nextInt(256) / 256;
            }
        }
        return p;
    }

    /** Random target intensities in [0, 0.2) (seeded). */
    static double[] target(int pixels, long seed) {
        double[] t = new double[pixels];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.2 * r.nextDouble();
        }
        return t;
    }

    /** L = Σ_b Σ_p (I_bp − T_p)², the intensity MSE the gradient tests use, with ∂L/∂I. */
    static IntensityObjective mse(double[] target) {
        return (intensity, batch, pixels, dLdI) -> {
            double l = 0;
            for (int b = 0; b < batch; b++) {
                for (int p = 0; p < pixels; p++) {
                    double diff = intensity[b * pixels + p] - target[p];
                    l += diff * diff;
                    dLdI[b * pixels + p] = 2 * diff;
                }
            }
            return l;
        };
    }

    /** Smooth-ish random input amplitudes in [0, 1], zero in a 2-pixel border. */
    static ComplexFrames inputs(int batch, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[batch * n * n];
        for (int b = 0; b < batch; b++) {
            for (int y = 2; y < n - 2; y++) {
                for (int x = 2; x < n - 2; x++) {
                    a[(b * n + y) * n + x] = r.nextDouble();
                }
            }
        }
        return ComplexFrames.ofAmplitudes(batch, n, n, a);
    }

    /** ‖a − b‖ / ‖b‖ over all layers; fails when b is zero (a check against zero would be vacuous). */
    static double relativeL2(double[][] a, double[][] b) {
        double num = 0;
        double den = 0;
        for (int l = 0; l < a.length; l++) {
            for (int i = 0; i < a[l].length; i++) {
                num += (a[l][i] - b[l][i]) * (a[l][i] - b[l][i]);
                den += b[l][i] * b[l][i];
            }
        }
        assertTrue(den > 0, "reference is zero: the check would be vacuous");
        return Math.sqrt(num / den);
    }
}
