package org.phasor.benchmarks;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;

import java.util.SplittableRandom;

/**
 * Inputs shared by the benchmarks and by the Python peers (bench/peers/*.py compute the same numbers): the
 * FFM paper's geometry (8 µm pixels, 532 nm, 12 mm between planes) and a band-limited angular-spectrum
 * transfer function.
 *
 * <p>The transfer function here is the benchmark's own fixture, written from PHYSICS.md so the kernel can be
 * timed before org.phasor.optics.propagation exists; at this geometry the band limit is above the Nyquist
 * frequency and nothing is evanescent, so |H| = 1 and repeated propagation neither blows up nor decays into
 * denormals.
 */
final class BenchFixtures {
    static final double PITCH = 8e-6;
    static final double WAVELENGTH = 532e-9;
    static final double DISTANCE = 12e-3;

    private BenchFixtures() {
    }

    static Grid grid(int n) {
        return Grid.square(n, PITCH, WAVELENGTH);
    }

    /** H = exp(i2πz·sqrt(1/λ² − fx² − fy²)), zero outside the Matsushima–Shimobaba band limit, FFT order. */
    static ComplexArray transfer(Grid g, double z, Precision p) {
        ComplexArray h = ComplexArray.zeros(p, 1, g.ny(), g.nx());
        double inv2 = 1 / (g.wavelength() * g.wavelength());
        double limX = 1 / (g.wavelength() * Math.sqrt(Math.pow(2 * z / g.widthX(), 2) + 1));
        double limY = 1 / (g.wavelength() * Math.sqrt(Math.pow(2 * z / g.widthY(), 2) + 1));
        for (int y = 0; y < g.ny(); y++) {
            double fy = g.fy(y);
            for (int x = 0; x < g.nx(); x++) {
                double fx = g.fx(x);
                double arg = inv2 - fx * fx - fy * fy;
                if (Math.abs(fx) > limX || Math.abs(fy) > limY || arg <= 0) {
                    continue; // band-limited or evanescent: zero (never NaN)
                }
                double phase = 2 * Math.PI * z * Math.sqrt(arg);
                h.set(h.index(0, y, x), Math.cos(phase), Math.sin(phase));
            }
        }
        return h;
    }

    /** A seeded random batch with values in [−1, 1). */
    static ComplexArray random(Precision p, int batch, int ny, int nx, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ComplexArray a = ComplexArray.zeros(p, batch, ny, nx);
        for (long i = 0; i < a.size(); i++) {
            a.set(i, rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1));
        }
        return a;
    }
}
