package org.phasor.train.loss;

import org.junit.jupiter.api.Test;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finite-difference checks (central differences, double precision) of every loss gradient. */
class LossGradientTest {
    private static final int B = 3;
    private static final int K = 10;

    private interface Loss {
        double eval(double[] x, double[] grad);
    }

    /** Max over coordinates of |analytic − numeric| / max(|numeric|, scale·1e-3); must be ≤ 1e-6. */
    private static void checkGradient(String what, double[] x, Loss loss) {
        double[] grad = new double[x.length];
        loss.eval(x, grad);
        double[] scratch = new double[x.length];
        double gmax = 0;
        for (double g : grad) {
            gmax = Math.max(gmax, Math.abs(g));
        }
        assertTrue(gmax > 0, what + ": gradient is identically zero, the check would be empty");
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            double keep = x[i];
            x[i] = keep + h;
            double fp = loss.eval(x, scratch);
            x[i] = keep - h;
            double fm = loss.eval(x, scratch);
            x[i] = keep;
            double num = (fp - fm) / (2 * h);
            double err = Math.abs(grad[i] - num) / Math.max(Math.abs(num), 1e-3 * gmax);
            worst = Math.max(worst, err);
        }
        assertTrue(worst <= 1e-6, what + ": relative gradient error " + worst);
    }

    private static double[] positive(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 0.05 + r.nextDouble();
        }
        return e;
    }

    private static final int[] LABELS = {3, 0, 9};

    @Test
    void crossEntropyNormalisedAndRaw() {
        for (SoftmaxCrossEntropy l : new SoftmaxCrossEntropy[]{SoftmaxCrossEntropy.normalised(10),
                new SoftmaxCrossEntropy(2.5, false), SoftmaxCrossEntropy.normalised(0.7)}) {
            checkGradient(l.describe(), positive(B * K, 1), (x, g) -> l.lossAndGradient(x, B, K, LABELS, g));
        }
    }

    @Test
    void crossEntropyValues() {
        double[] g = new double[K];
        double[] uniform = new double[K];
        java.util.Arrays.fill(uniform, 2.0);
        assertEquals(Math.log(K), SoftmaxCrossEntropy.normalised(10).lossAndGradient(uniform, 1, K, new int[]{4}, g), 1e-12);
        double[] peaked = new double[K];
        peaked[4] = 1;
        double expected = -Math.log(Math.exp(10) / (Math.exp(10) + 9));
        assertEquals(expected, SoftmaxCrossEntropy.normalised(10).lossAndGradient(peaked, 1, K, new int[]{4}, g), 1e-12);
        // dark output: log K, zero gradient, no NaN
        assertEquals(Math.log(K), SoftmaxCrossEntropy.normalised(10).lossAndGradient(new double[K], 1, K, new int[]{4}, g), 1e-12);
        for (double v : g) {
            assertEquals(0.0, v);
        }
        // huge raw energies do not overflow
        double[] big = positive(K, 3);
        for (int k = 0; k < K; k++) {
            big[k] *= 1e5;
        }
        assertTrue(Double.isFinite(new SoftmaxCrossEntropy(1, false).lossAndGradient(big, 1, K, new int[]{1}, g)));
    }

    @Test
    void perSampleArraysGiveTheSameAsFlatArrays() {
        double[] flat = positive(B * K, 21);
        double[][] rows = new double[B][K];
        for (int b = 0; b < B; b++) {
            System.arraycopy(flat, b * K, rows[b], 0, K);
        }
        for (ClassificationLoss l : new ClassificationLoss[]{SoftmaxCrossEntropy.normalised(10), new OneHotMse(true)}) {
            double[] g = new double[B * K];
            double[][] g2 = new double[B][K];
            assertEquals(l.lossAndGradient(flat, B, K, LABELS, g), l.lossAndGradient(rows, B, LABELS, g2));
            for (int b = 0; b < B; b++) {
                for (int k = 0; k < K; k++) {
                    assertEquals(g[b * K + k], g2[b][k]);
                }
            }
        }
    }

    @Test
    void oneHotMseNormalisedAndRaw() {
        for (OneHotMse l : new OneHotMse[]{new OneHotMse(true), new OneHotMse(false)}) {
            checkGradient(l.describe(), positive(B * K, 2), (x, g) -> l.lossAndGradient(x, B, K, LABELS, g));
        }
        double[] perfect = new double[K];
        perfect[2] = 5;
        assertEquals(0.0, new OneHotMse(true).lossAndGradient(perfect, 1, K, new int[]{2}, new double[K]), 1e-15);
    }

    @Test
    void intensityMseAllModes() {
        int pixels = 12;
        double[] target = positive(B * pixels, 5);
        double[] shared = positive(pixels, 6);
        for (IntensityMse.Mode mode : IntensityMse.Mode.values()) {
            IntensityMse l = new IntensityMse(mode);
            checkGradient(l.describe(), positive(B * pixels, 4), (x, g) -> l.lossAndGradient(x, target, B, pixels, g));
            checkGradient(l.describe() + " shared target", positive(B * pixels, 7),
                    (x, g) -> l.lossAndGradient(x, shared, B, pixels, g));
        }
    }

    @Test
    void scaleFitIgnoresOverallIntensity() {
        int pixels = 8;
        double[] t = positive(pixels, 9);
        double[] i = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            i[p] = 123.0 * t[p];
        }
        double[] g = new double[pixels];
        assertEquals(0.0, new IntensityMse(IntensityMse.Mode.SCALE_FIT).lossAndGradient(i, t, 1, pixels, g), 1e-24);
        assertTrue(new IntensityMse(IntensityMse.Mode.MEAN).lossAndGradient(i, t, 1, pixels, g) > 1);
    }

    /** The chain I = |o|² → ∂L/∂o* = (∂L/∂I)·o, checked by perturbing Re and Im of the field. */
    @Test
    void fieldGradientMatchesWirtingerDerivative() {
        int n = 6;
        SplittableRandom r = new SplittableRandom(11);
        double[] reIm = new double[2 * B * n];
        for (int i = 0; i < reIm.length; i++) {
            reIm[i] = r.nextDouble(-1, 1);
        }
        double[] target = positive(B * n, 12);
        IntensityMse loss = new IntensityMse(IntensityMse.Mode.SCALE_FIT);
        java.util.function.ToDoubleFunction<double[]> lossOfField = f -> {
            ComplexArray o = ComplexArray.fromInterleaved(Precision.DOUBLE, B, 1, n, f);
            double[] in = new double[B * n];
            FieldGradient.intensity(o, in);
            return loss.lossAndGradient(in, target, B, n, new double[B * n]);
        };
        ComplexArray o = ComplexArray.fromInterleaved(Precision.DOUBLE, B, 1, n, reIm);
        double[] intensity = new double[B * n];
        FieldGradient.intensity(o, intensity);
        double[] dLdI = new double[B * n];
        loss.lossAndGradient(intensity, target, B, n, dLdI);
        ComplexArray dLdoConj = o.zerosLike();
        FieldGradient.fromIntensity(o, dLdI, dLdoConj);
        double[] w = dLdoConj.toInterleaved();
        // ∂L/∂Re = 2·Re(∂L/∂o*), ∂L/∂Im = 2·Im(∂L/∂o*)
        double worst = 0;
        for (int i = 0; i < reIm.length; i++) {
            double h = 1e-6;
            double keep = reIm[i];
            reIm[i] = keep + h;
            double fp = lossOfField.applyAsDouble(reIm);
            reIm[i] = keep - h;
            double fm = lossOfField.applyAsDouble(reIm);
            reIm[i] = keep;
            double num = (fp - fm) / (2 * h);
            worst = Math.max(worst, Math.abs(2 * w[i] - num) / Math.max(Math.abs(num), 1e-4));
        }
        assertTrue(worst <= 1e-6, "relative error " + worst);
    }

    @Test
    void confusionMatrixAndAccuracy() {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        double[] scores = {0.1, 0.8, 0.1, /**/ 0.9, 0.05, 0.05, /**/ 0.2, 0.2, 0.6, /**/ 0.3, 0.3, 0.4};
        cm.addBatch(scores, 4, new int[]{1, 0, 1, 2});
        assertEquals(4, cm.total());
        assertEquals(0.75, cm.accuracy(), 1e-15);
        assertEquals(1, cm.count(1, 2));
        double[] per = cm.perClassAccuracy();
        assertEquals(1.0, per[0]);
        assertEquals(0.5, per[1]);
        assertEquals(1.0, per[2]);
        assertEquals(0, ConfusionMatrix.argmax(new double[]{1, 1}, 0, 2), "first index wins a tie");
    }
}
