package org.phasor.task.generative;

import org.junit.jupiter.api.Test;
import org.phasor.task.generative.digital.FeatureClassifier;
import org.phasor.task.generative.metrics.SampleQuality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latent arithmetic in an unconditional optical VAE and the unconditional sample-quality measures. */
class LatentArithmeticTest {

    @Test
    void arithmeticDecodesShiftedPosteriorMeansAndLaysOutTheFigure() {
        OpticalVae vae = OpticalVaeTest.vae(OpticalVaeTest.tiny(false, 1));
        int nTr = 20;
        int nEv = 4;
        double[] xTr = OpticalVaeTest.images(nTr, 1);
        int[] yTr = new int[nTr];
        for (int i = 0; i < nTr; i++) {
            yTr[i] = i % 10;
        }
        vae.calibrate(xTr, yTr, 3);
        double[] xEv = OpticalVaeTest.images(nEv, 2);
        int[] yEv = {3, 7, 3, 0};
        FeatureClassifier clf = new FeatureClassifier(5);
        LightgenExperiment.Arithmetic a = LightgenExperiment.latentArithmetic(vae, xTr, yTr, nTr, xEv, yEv, nEv, clf);
        assertEquals(nEv * 9, a.pairs());
        assertTrue(a.toTarget() >= 0 && a.toTarget() <= 1 && a.reconstructionKept() >= 0 && a.reconstructionKept() <= 1);
        // one column per class present (0, 3, 7), rows: source, reconstruction, B = 0..9
        assertEquals(3, a.figureCols());
        assertEquals(12, a.figureRows());
        assertEquals(12 * 3 * 784, a.figure().length);
        // column 1 is the first image of class 3 (item 0): source, then decode(μ), then decode(μ − m_3 + m_5) in row 2 + 5
        int k2 = 2 * vae.config().channels();
        double[][] m = LightgenExperiment.classMeans(vae, xTr, yTr, nTr);
        double[] mu = vae.encodeMean(xEv, yEv, 0, 1);
        double[] z = new double[k2];
        for (int d = 0; d < k2; d++) {
            z[d] = mu[d] - m[3][d] + m[5][d];
        }
        int[] none = new int[1];
        assertArrayEquals(java.util.Arrays.copyOfRange(xEv, 0, 784), slice(a, 0, 1), 0);
        assertArrayEquals(vae.decode(mu, none, 1), slice(a, 1, 1), 1e-9);
        assertArrayEquals(vae.decode(mu, none, 1), slice(a, 2 + 3, 1), 1e-9, "B = class(A) is the reconstruction");
        assertArrayEquals(vae.decode(z, none, 1), slice(a, 2 + 5, 1), 1e-9);
    }

    private static double[] slice(LightgenExperiment.Arithmetic a, int row, int col) {
        int o = (row * a.figureCols() + col) * 784;
        return java.util.Arrays.copyOfRange(a.figure(), o, o + 784);
    }

    @Test
    void unconditionalQualityOfTheReferenceItselfIsPerfect() {
        int n = 30;
        double[] x = OpticalVaeTest.images(n, 3);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
        }
        FeatureClassifier clf = new FeatureClassifier(5);
        SampleQuality.Reference ref = SampleQuality.Reference.of(clf, x, y, 10);
        SampleQuality q = SampleQuality.unconditional(clf, ref, x, n);
        assertEquals(1, q.diversity(), 1e-12, "overall diversity of the test images against themselves");
        assertTrue(Math.abs(q.frechet()) < 1e-6, "Fréchet of a set against itself: " + q.frechet());
        assertTrue(Double.isNaN(q.classAccuracy()));
        double sum = 0;
        for (double p : q.diversityByClass()) {
            sum += p;
        }
        assertEquals(1, sum, 1e-12, "class histogram");
        // a set of identical images has no diversity
        double[] same = new double[n * 784];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, same, i * 784, 784);
        }
        assertEquals(0, SampleQuality.unconditional(clf, ref, same, n).diversity(), 1e-12);
        double[] uniform = new double[10];
        java.util.Arrays.fill(uniform, 0.1);
        assertEquals(Math.log(10) / Math.log(2), SampleQuality.entropyBits(uniform), 1e-12);
        assertEquals(0, SampleQuality.entropyBits(new double[]{1, 0, 0}), 0);
    }
}
