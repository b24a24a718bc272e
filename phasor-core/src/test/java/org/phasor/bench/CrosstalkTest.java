package org.phasor.bench;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab's crosstalk model: its transpose is the blur's adjoint, and the width is recovered from its gain. */
class CrosstalkTest {

    @Test
    void transposeIsTheAdjointOfTheBlurEdgesIncluded() {
        int nx = 13;
        int ny = 9;
        Crosstalk c = new Crosstalk(0.6, 1.3);
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[nx * ny];
        double[] y = new double[nx * ny];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() - 0.5;
            y[i] = r.nextDouble() - 0.5;
        }
        double[] bx = c.apply(x, nx, ny);
        double[] bty = c.transpose(y, nx, ny);
        double lhs = 0;
        double rhs = 0;
        for (int i = 0; i < x.length; i++) {
            lhs += bx[i] * y[i];
            rhs += x[i] * bty[i];
        }
        assertEquals(lhs, rhs, 1e-12 * Math.abs(lhs), "<Bx, y> = <x, Bᵀy>");
        // the blur is linear, so a central difference along x is exact: (B(x + h·e) − B(x − h·e)) / 2h = B e
        double h = 1e-3;
        int k = 4 * nx + 6;
        double[] up = x.clone();
        double[] down = x.clone();
        up[k] += h;
        down[k] -= h;
        double[] fd = c.apply(up, nx, ny);
        double[] fm = c.apply(down, nx, ny);
        double directional = 0;
        for (int i = 0; i < x.length; i++) {
            directional += (fd[i] - fm[i]) / (2 * h) * y[i];
        }
        assertEquals(bty[k], directional, 1e-9, "∂<Bx, y>/∂x_k = (Bᵀy)_k");
    }

    @Test
    void stripeGainFallsWithWidthAndIsInverted() {
        assertEquals(1, Crosstalk.stripeGain(0), 0);
        double previous = 1;
        for (double s = 0.3; s <= Crosstalk.WIDEST_PX; s += 0.1) { // below ~0.3 px the sampled kernel is one pixel
            double g = Crosstalk.stripeGain(s);
            assertEquals(s, Crosstalk.sigmaForStripeGain(g), 1e-6, "width from the gain at " + s);
            assertTrue(g < previous, "gain falls with width at " + s);
            previous = g;
        }
        // σ = 0.6 px (the lab profile): weights 0.0026, 0.166, 0.664, 0.166, 0.0026 → 0.664 − 2·0.0026 = 0.659
        assertEquals(0.659, Crosstalk.stripeGain(0.6), 1e-3);
        assertEquals(0, Crosstalk.sigmaForStripeGain(1.02), 0, "no blur for a gain of one or more");
        assertEquals(Crosstalk.WIDEST_PX, Crosstalk.sigmaForStripeGain(-0.01), 0, "the widest for no gain");
    }

    @Test
    void rejectsANegativeWidth() {
        assertThrows(IllegalArgumentException.class, () -> new Crosstalk(-0.1, 0));
    }
}
