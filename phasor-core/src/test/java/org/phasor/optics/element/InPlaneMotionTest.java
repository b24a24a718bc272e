package org.phasor.optics.element;

import org.junit.jupiter.api.Test;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;
import org.phasor.optics.OpTesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InPlaneMotionTest {
    private static final Grid GRID = Grid.of(48, 40, 8e-6, 532e-9);

    /** A smooth (band-limited in practice) complex Gaussian with a tilt, centred at (px, py) pixels. */
    private static ComplexArray gaussian(double px, double py, double w) {
        ComplexArray a = ComplexArray.zeros(Precision.DOUBLE, 1, GRID.ny(), GRID.nx());
        for (int y = 0; y < GRID.ny(); y++) {
            for (int x = 0; x < GRID.nx(); x++) {
                double r2 = (x - px) * (x - px) + (y - py) * (y - py);
                double amp = Math.exp(-r2 / (w * w));
                double ph = 0.3 * (x - px) - 0.2 * (y - py);
                a.set(y * GRID.nx() + x, amp * Math.cos(ph), amp * Math.sin(ph));
            }
        }
        return a;
    }

    @Test
    void movesAGaussianWhereTheRigidMotionPutsIt() {
        double dx = 0.63;
        double dy = -1.37;
        double th = Math.toRadians(4);
        int cx = GRID.nx() / 2;
        int cy = GRID.ny() / 2;
        double ox = 5.2;
        double oy = -3.1; // offset of the Gaussian from the centre, element frame
        ComplexArray a = gaussian(cx + ox, cy + oy, 4.5);
        new InPlaneMotion(GRID, dx, dy, th).apply(a);
        double ex = cx + Math.cos(th) * ox - Math.sin(th) * oy + dx;
        double ey = cy + Math.sin(th) * ox + Math.cos(th) * oy + dy;
        // the whole field, tilt included, is the rigidly moved original: compare with the analytic answer
        ComplexArray want = ComplexArray.zeros(Precision.DOUBLE, 1, GRID.ny(), GRID.nx());
        for (int y = 0; y < GRID.ny(); y++) {
            for (int x = 0; x < GRID.nx(); x++) {
                double rx = x - cx - dx;
                double ry = y - cy - dy;
                double u = Math.cos(th) * rx + Math.sin(th) * ry - ox;
                double v = -Math.sin(th) * rx + Math.cos(th) * ry - oy;
                double amp = Math.exp(-(u * u + v * v) / (4.5 * 4.5));
                double ph = 0.3 * u - 0.2 * v;
                want.set(y * GRID.nx() + x, amp * Math.cos(ph), amp * Math.sin(ph));
            }
        }
        double err = OpTesting.relL2(a, want);
        assertTrue(err < 1e-3, "moved field vs analytic: " + err + " (centre expected at " + ex + ", " + ey + ")");
    }

    @Test
    void halfPixelShiftKeepsTheFinestPatternThatBilinearResamplingErases() {
        // a checkerboard-like pattern at 0.45 cycles/px along x survives a half-pixel Fourier shift at full energy
        ComplexArray a = ComplexArray.zeros(Precision.DOUBLE, 1, GRID.ny(), GRID.nx());
        for (int y = 0; y < GRID.ny(); y++) {
            for (int x = 0; x < GRID.nx(); x++) {
                double env = Math.exp(-Math.pow((x - 24) / 9.0, 2) - Math.pow((y - 20) / 9.0, 2));
                a.set(y * GRID.nx() + x, env * Math.cos(2 * Math.PI * 0.45 * x), 0);
            }
        }
        double before = energy(a);
        ComplexArray bilinear = ComplexArray.zeros(Precision.DOUBLE, 1, GRID.ny(), GRID.nx());
        for (int i = 1; i < a.size(); i++) { // bilinear resampling half-way between samples: the two-tap mean
            bilinear.set(i, 0.5 * (a.re(i) + a.re(i - 1)), 0.5 * (a.im(i) + a.im(i - 1)));
        }
        new InPlaneMotion(GRID, 0.5, 0, 0).apply(a);
        // the pattern's envelope leaks a little past the Nyquist frequency, so not quite all of it is kept
        assertEquals(1, energy(a) / before, 5e-3, "energy after a half-pixel Fourier shift");
        assertTrue(energy(bilinear) / before < 0.05, "bilinear keeps " + energy(bilinear) / before);
    }

    @Test
    void transposeAndAdjointIdentitiesAndRoundTrip() {
        InPlaneMotion t = new InPlaneMotion(GRID, -0.8, 0.45, Math.toRadians(-0.7));
        ComplexArray a = OpTesting.random(Precision.DOUBLE, 2, GRID.ny(), GRID.nx(), 1);
        ComplexArray b = OpTesting.random(Precision.DOUBLE, 2, GRID.ny(), GRID.nx(), 2);
        ComplexArray ta = a.copy();
        t.apply(ta);
        ComplexArray tb = b.copy();
        t.applyTranspose(tb);
        assertTrue(OpTesting.relDiff(OpTesting.bilinear(ta, b), OpTesting.bilinear(a, tb)) < 1e-12, "transpose");
        ComplexArray hb = b.copy();
        t.applyAdjoint(hb);
        assertTrue(OpTesting.relDiff(OpTesting.dot(ta, b), OpTesting.dot(a, hb)) < 1e-12, "adjoint");
        // Tᵀ undoes T for a field that stays inside the grid
        ComplexArray g = gaussian(22, 19, 5);
        ComplexArray back = g.copy();
        t.apply(back);
        t.applyTranspose(back);
        assertTrue(OpTesting.relL2(back, g) < 1e-6, "round trip " + OpTesting.relL2(back, g));
    }

    @Test
    void identityDoesNothingAndLargeRotationsAreRefused() {
        ComplexArray a = OpTesting.random(Precision.DOUBLE, 1, GRID.ny(), GRID.nx(), 3);
        ComplexArray b = a.copy();
        new InPlaneMotion(GRID, 0, 0, 0).apply(b);
        assertEquals(0, OpTesting.relL2(b, a));
        assertThrows(IllegalArgumentException.class, () -> new InPlaneMotion(GRID, 0, 0, 1.0));
    }

    private static double energy(ComplexArray a) {
        double e = 0;
        for (long i = 0; i < a.size(); i++) {
            e += a.re(i) * a.re(i) + a.im(i) * a.im(i);
        }
        return e;
    }
}
