package org.phasor.math;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackends;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure-Java FFT against a naive O(n²) DFT, for powers of two, composites and primes, both precisions. */
class FftTest {

    @ParameterizedTest
    @CsvSource({"1,1", "2,4", "8,8", "16,5", "7,13", "12,10", "17,31", "64,48", "9,25", "3,200", "37,2", "2,97", "6,121", "30,45"})
    void matchesNaiveDft(int ny, int nx) {
        for (Precision p : Precision.values()) {
            int batch = 2;
            SplittableRandom rnd = new SplittableRandom(ny * 1000L + nx);
            double[] x = new double[2 * batch * ny * nx];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble(-1, 1);
            }
            ComplexArray a = ComplexArray.fromInterleaved(p, batch, ny, nx, x);
            double[] stored = a.toInterleaved(); // input after rounding to the storage precision
            Fft2 fft = FftBackends.java().plan(ny, nx, p);
            fft.forward(a);
            double[] ref = naive(stored, batch, ny, nx, -1);
            double tol = p == Precision.DOUBLE ? 1e-12 : 1e-6;
            assertTrue(relErr(a.toInterleaved(), ref) < tol, "forward " + ny + "x" + nx + " " + p);
            fft.inverse(a);
            assertTrue(relErr(a.toInterleaved(), stored) < tol, "round trip " + ny + "x" + nx + " " + p);
        }
    }

    static double[] naive(double[] x, int batch, int ny, int nx, int sign) {
        double[] out = new double[x.length];
        for (int b = 0; b < batch; b++) {
            for (int ky = 0; ky < ny; ky++) {
                for (int kx = 0; kx < nx; kx++) {
                    double sr = 0;
                    double si = 0;
                    for (int y = 0; y < ny; y++) {
                        for (int xx = 0; xx < nx; xx++) {
                            double ang = sign * 2 * Math.PI * ((double) ky * y / ny + (double) kx * xx / nx);
                            int i = 2 * ((b * ny + y) * nx + xx);
                            double c = Math.cos(ang);
                            double s = Math.sin(ang);
                            sr += x[i] * c - x[i + 1] * s;
                            si += x[i] * s + x[i + 1] * c;
                        }
                    }
                    int o = 2 * ((b * ny + ky) * nx + kx);
                    out[o] = sr;
                    out[o + 1] = si;
                }
            }
        }
        return out;
    }

    static double relErr(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / Math.max(den, 1e-300));
    }
}
