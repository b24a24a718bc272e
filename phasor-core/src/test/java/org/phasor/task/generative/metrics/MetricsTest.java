package org.phasor.task.generative.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    @Test
    void frechetOfDiagonalGaussiansIsClosedForm() {
        // d² = Σ (μ₁−μ₂)² + Σ (σ₁−σ₂)² for diagonal covariances
        var p = new FrechetDistance.Gaussian(3, new double[]{0, 1, 2}, diag(1, 4, 9));
        var q = new FrechetDistance.Gaussian(3, new double[]{1, 1, 0}, diag(4, 1, 9));
        assertEquals(1 + 4 + 1 + 1, FrechetDistance.between(p, q), 1e-10);
        assertEquals(0, FrechetDistance.between(p, p), 1e-10);
    }

    @Test
    void frechetOfNonCommutingCovariancesMatches2x2ClosedForm() {
        double[] s1 = {2, 0.7, 0.7, 1};
        double[] s2 = {1, -0.4, -0.4, 3};
        // tr √(Σ₁Σ₂) for 2×2: √(tr(Σ₁Σ₂) + 2·√(det Σ₁·det Σ₂))
        double[] m = FrechetDistance.multiply(s1, s2, 2);
        double det1 = 2 * 1 - 0.49;
        double det2 = 3 - 0.16;
        double trSqrt = Math.sqrt(m[0] + m[3] + 2 * Math.sqrt(det1 * det2));
        double expected = 1 + (2 + 1 + 1 + 3 - 2 * trSqrt); // means (1,0) vs (0,0)
        var p = new FrechetDistance.Gaussian(2, new double[]{1, 0}, s1);
        var q = new FrechetDistance.Gaussian(2, new double[]{0, 0}, s2);
        assertEquals(expected, FrechetDistance.between(p, q), 1e-10);
        assertEquals(FrechetDistance.between(p, q), FrechetDistance.between(q, p), 1e-10, "symmetric");
    }

    @Test
    void frechetFromSamplesConvergesAndSeparates() {
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 4000;
        int d = 4;
        double[] a = new double[n * d];
        double[] b = new double[n * d];
        double[] c = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = rnd.nextGaussian();
            c[i] = 2 * rnd.nextGaussian() + 1;
        }
        double same = FrechetDistance.between(a, n, b, n, d);
        double diff = FrechetDistance.between(a, n, c, n, d);
        assertTrue(same < 0.02, "same distribution: " + same);
        assertEquals(d * 1 + d * 1, diff, 0.3, "mean shift 1 and std 2 vs 1 in 4 dims");
    }

    static double[] diag(double... v) {
        double[] m = new double[v.length * v.length];
        for (int i = 0; i < v.length; i++) {
            m[i * v.length + i] = v[i];
        }
        return m;
    }

    @Test
    void psnrAndSsim() {
        SplittableRandom rnd = new SplittableRandom(3);
        int h = 28;
        int w = 28;
        double[] img = new double[h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = (i % w) / (double) w * 0.8 + 0.1 * rnd.nextDouble();
        }
        assertEquals(1, ImageQuality.ssim(img, 0, img, 0, h, w, 1), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnr(img, 0, img, 0, h * w, 1));
        double[] shifted = img.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.1;
        }
        assertEquals(20, ImageQuality.psnr(img, 0, shifted, 0, h * w, 1), 1e-9, "MSE 0.01 → 20 dB");
        double[] weak = img.clone();
        double[] strong = img.clone();
        for (int i = 0; i < img.length; i++) {
            double e = rnd.nextGaussian();
            weak[i] += 0.05 * e;
            strong[i] += 0.3 * e;
        }
        double sWeak = ImageQuality.ssim(img, 0, weak, 0, h, w, 1);
        double sStrong = ImageQuality.ssim(img, 0, strong, 0, h, w, 1);
        assertTrue(sWeak < 1 && sStrong < sWeak, "SSIM falls with noise: " + sWeak + ", " + sStrong);
        assertEquals(sStrong, ImageQuality.ssim(strong, 0, img, 0, h, w, 1), 1e-12, "symmetric");
        // a pure luminance shift only touches the luminance term at each window
        double s = ImageQuality.ssim(img, 0, shifted, 0, h, w, 1);
        assertTrue(s > 0.8 && s < 1, "luminance shift " + s);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.ssim(img, 0, img, 0, 10, 10, 1));
    }

    @Test
    void diversityOfPointsOnASquare() {
        double[] f = {0, 0, 1, 0, 0, 1, 1, 1};
        // 4 sides of length 1 and 2 diagonals of √2 over 6 pairs
        assertEquals((4 + 2 * Math.sqrt(2)) / 6, Diversity.meanPairwiseDistance(f, 2, new int[]{0, 1, 2, 3}), 1e-12);
        assertEquals(0, Diversity.meanPairwiseDistance(new double[]{3, 3, 3, 3}, 2, new int[]{0, 1}), 0);
        assertEquals(2, Diversity.rowsOfClass(new int[]{1, 0, 1}, 1).length);
    }
}
