package org.phasor.optics;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;

import java.util.SplittableRandom;

/** Helpers shared by the optics tests: random fields and the two inner products. */
public final class OpTesting {
    private OpTesting() {
    }

    public static ComplexArray random(Precision p, int batch, int ny, int nx, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[2 * batch * ny * nx];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return ComplexArray.fromInterleaved(p, batch, ny, nx, v);
    }

    /** Sesquilinear ⟨a, b⟩ = Σ conj(a)·b, returned as {re, im}. */
    public static double[] dot(ComplexArray a, ComplexArray b) {
        double re = 0;
        double im = 0;
        for (long i = 0; i < a.size(); i++) {
            double ar = a.re(i);
            double ai = a.im(i);
            double br = b.re(i);
            double bi = b.im(i);
            re += ar * br + ai * bi;
            im += ar * bi - ai * br;
        }
        return new double[]{re, im};
    }

    /** Bilinear ⟨a, b⟩ = Σ a·b (no conjugate), returned as {re, im}. */
    public static double[] bilinear(ComplexArray a, ComplexArray b) {
        double re = 0;
        double im = 0;
        for (long i = 0; i < a.size(); i++) {
            double ar = a.re(i);
            double ai = a.im(i);
            double br = b.re(i);
            double bi = b.im(i);
            re += ar * br - ai * bi;
            im += ar * bi + ai * br;
        }
        return new double[]{re, im};
    }

    /** |x − y| / max(|x|, |y|, tiny) for complex numbers given as {re, im}. */
    public static double relDiff(double[] x, double[] y) {
        double d = Math.hypot(x[0] - y[0], x[1] - y[1]);
        double s = Math.max(Math.hypot(x[0], x[1]), Math.hypot(y[0], y[1]));
        return d / Math.max(s, 1e-300);
    }

    /** Relative L2 distance ‖a − b‖ / ‖b‖. */
    public static double relL2(ComplexArray a, ComplexArray b) {
        double num = 0;
        double den = 0;
        for (long i = 0; i < a.size(); i++) {
            double dr = a.re(i) - b.re(i);
            double di = a.im(i) - b.im(i);
            num += dr * dr + di * di;
            den += b.re(i) * b.re(i) + b.im(i) * b.im(i);
        }
        return Math.sqrt(num / den);
    }
}
