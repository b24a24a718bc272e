package org.phasor.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Measured fields moved onto a modulator's pixels: exact for a rigid registration, bilinear otherwise. */
class PanelFrameTest {
    static final int N = 48;

    @Test
    void identityRegistrationLeavesTheFieldsAlone() {
        double[] f = field(0, 0, 1.0);
        assertSame(f, PanelFrame.pull(AffineMap.IDENTITY, f, 1, N, N));
    }

    /** A smooth complex field sampled at each pixel's registered camera position, for a shifted and turned panel. */
    @Test
    void rigidRegistrationSamplesTheFieldWhereEachPixelSits() {
        double theta = Math.toRadians(0.5);
        double dx = 0.37;
        double dy = -0.81;
        double c = N / 2;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        AffineMap map = new AffineMap(cos, -sin, sin, cos, c + dx - cos * c + sin * c, c + dy - sin * c - cos * c);
        double[] camera = field(0, 0, 1.0);
        double[] pulled = PanelFrame.pull(map, camera, 1, N, N);
        double[] bilinear = bilinearOfEachPart(map, camera);
        double worst = 0;
        double worstBilinear = 0;
        for (int q = 8; q < N - 8; q++) {
            for (int p = 8; p < N - 8; p++) {
                double[] want = value(map.x(p, q), map.y(p, q), 0, 0, 1.0);
                int i = q * N + p;
                worst = Math.max(worst, Math.hypot(pulled[2 * i] - want[0], pulled[2 * i + 1] - want[1]));
                worstBilinear = Math.max(worstBilinear,
                        Math.hypot(bilinear[2 * i] - want[0], bilinear[2 * i + 1] - want[1]));
            }
        }
        // measured 7.8e-6 (the spot's tails cut by the plane's edge); bilinear sampling is asserted 30× worse
        assertTrue(worst < 1e-4, "band-limited field sampled at the registered positions: worst error " + worst);
        assertTrue(worstBilinear > 30 * worst, "bilinear sampling should be far worse: " + worstBilinear);
    }

    /** A map that scales by 2 % is no rigid motion: each field is sampled bilinearly, re and im apart. */
    @Test
    void scaledRegistrationFallsBackToBilinearSamplingOfEachField() {
        AffineMap map = new AffineMap(1.02, 0, 0, 1.02, -0.5, 0.3);
        assertTrue(PanelFrame.rigidDeparture(map, 0, map.x(N / 2, N / 2) - N / 2, map.y(N / 2, N / 2) - N / 2, N, N)
                > PanelFrame.RIGID_TOLERANCE_PX);
        double[] f = field(0, 0, 1.0);
        double[] pulled = PanelFrame.pull(map, f, 1, N, N);
        assertArrayEquals(bilinearOfEachPart(map, f), pulled, 0);
        assertEquals(2 * N * N, pulled.length);
    }

    /** One interleaved field's real and imaginary parts each sampled bilinearly at the map's positions. */
    private static double[] bilinearOfEachPart(AffineMap map, double[] f) {
        double[] re = new double[N * N];
        double[] im = new double[N * N];
        for (int i = 0; i < N * N; i++) {
            re[i] = f[2 * i];
            im[i] = f[2 * i + 1];
        }
        double[] r = map.pullBack(re, N, N);
        double[] s = map.pullBack(im, N, N);
        double[] out = new double[2 * N * N];
        for (int i = 0; i < N * N; i++) {
            out[2 * i] = r[i];
            out[2 * i + 1] = s[i];
        }
        return out;
    }

    /** A Gaussian spot with a linear phase ramp: smooth, so band-limited on the grid to rounding. */
    private static double[] field(double x0, double y0, double scale) {
        double[] f = new double[2 * N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double[] v = value(x, y, x0, y0, scale);
                f[2 * (y * N + x)] = v[0];
                f[2 * (y * N + x) + 1] = v[1];
            }
        }
        return f;
    }

    private static double[] value(double x, double y, double x0, double y0, double scale) {
        double u = x - N / 2 - x0;
        double v = y - N / 2 - y0;
        double a = scale * Math.exp(-(u * u + v * v) / (2 * 6.0 * 6.0));
        double phase = 0.3 * u - 0.2 * v;
        return new double[]{a * Math.cos(phase), a * Math.sin(phase)};
    }
}
