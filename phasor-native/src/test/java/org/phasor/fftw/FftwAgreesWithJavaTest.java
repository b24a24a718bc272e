package org.phasor.fftw;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackend;
import org.phasor.math.fft.FftBackends;
import org.phasor.math.fft.SpectralFilter;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FFTW and the pure-Java FFT give the same transforms on random batches, to single-precision rounding in
 * complex64 (relative L2 error a few times 1e-7, allowed 2e-6 for log₂N growth) and to 1e-12 in complex128.
 * Sizes include powers of two, 200 (2³·5²), 400×300 and odd shapes whose items are not 64-byte aligned.
 */
class FftwAgreesWithJavaTest {
    private static FftBackend fftw;

    @BeforeAll
    static void loads() {
        fftw = FftBackends.select("fftw", line -> { });
        assertNull(fftw.unavailableReason(), "the bundled FFTW must load on linux-x86_64");
        assertEquals("fftw", FftBackends.select("auto", line -> { }).name(), "auto prefers fftw");
    }

    @ParameterizedTest
    @CsvSource({"16,64,64", "4,200,200", "3,300,400", "5,7,13", "2,1,12", "1,256,256", "3,45,9"})
    void forwardAndInverseMatchJava(int batch, int ny, int nx) {
        for (Precision p : Precision.values()) {
            ComplexArray x = random(p, batch, ny, nx, 7L * ny + nx);
            ComplexArray viaFftw = x.copy();
            ComplexArray viaJava = x.copy();
            Fft2 f = fftw.plan(ny, nx, p);
            Fft2 j = FftBackends.java().plan(ny, nx, p);
            assertEquals("fftw", f.backend());
            f.forward(viaFftw);
            j.forward(viaJava);
            double tol = tolerance(p);
            double e = relErr(viaFftw, viaJava);
            assertTrue(e < tol, "forward " + batch + "x" + ny + "x" + nx + " " + p + ": " + e);
            f.inverse(viaFftw);
            j.inverse(viaJava);
            assertTrue(relErr(viaFftw, viaJava) < tol, "inverse " + ny + "x" + nx + " " + p);
            assertTrue(relErr(viaFftw, x) < tol, "round trip " + ny + "x" + nx + " " + p);
        }
    }

    @ParameterizedTest
    @CsvSource({"16,256,256", "4,300,400", "3,17,31"})
    void fusedFilterMatchesJava(int batch, int ny, int nx) {
        Precision p = Precision.SINGLE;
        ComplexArray x = random(p, batch, ny, nx, 11);
        ComplexArray h = random(p, 1, ny, nx, 12);
        ComplexArray viaFftw = x.copy();
        ComplexArray viaJava = x.copy();
        SpectralFilter.apply(fftw.plan(ny, nx, p), viaFftw, h, false);
        SpectralFilter.apply(FftBackends.java().plan(ny, nx, p), viaJava, h, false);
        assertTrue(relErr(viaFftw, viaJava) < tolerance(p), "H filter " + ny + "x" + nx);
        SpectralFilter.apply(fftw.plan(ny, nx, p), viaFftw, h, true);
        SpectralFilter.apply(FftBackends.java().plan(ny, nx, p), viaJava, h, true);
        assertTrue(relErr(viaFftw, viaJava) < tolerance(p), "conj(H) filter " + ny + "x" + nx);
    }

    /** Single: a few ulps of float (6e-8) grown by log₂N; double: likewise for 1.1e-16. */
    private static double tolerance(Precision p) {
        return p == Precision.SINGLE ? 2e-6 : 1e-12;
    }

    static ComplexArray random(Precision p, int batch, int ny, int nx, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[2 * batch * ny * nx];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return ComplexArray.fromInterleaved(p, batch, ny, nx, v);
    }

    static double relErr(ComplexArray a, ComplexArray b) {
        double[] x = a.toInterleaved();
        double[] y = b.toInterleaved();
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - y[i]) * (x[i] - y[i]);
            den += y[i] * y[i];
        }
        return Math.sqrt(num / den);
    }
}
