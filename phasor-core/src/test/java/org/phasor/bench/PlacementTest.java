package org.phasor.bench;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementTest {

    @Test
    void pixelShowsTheParameterItsPlacementPointsAt() {
        int nx = 5;
        int ny = 4;
        double[] params = new double[nx * ny];
        for (int i = 0; i < params.length; i++) {
            params[i] = i + 1;
        }
        double[] shown = new Placement(2, -1).onPixels(params, nx, ny);
        for (int q = 0; q < ny; q++) {
            for (int p = 0; p < nx; p++) {
                double want = p + 2 < nx && q - 1 >= 0 ? params[(q - 1) * nx + p + 2] : 0;
                assertEquals(want, shown[q * nx + p], 0, "pixel " + p + "," + q);
            }
        }
    }

    /** ⟨g, S·θ⟩ = ⟨Sᵀ·g, θ⟩: the gradient goes back through exactly the move the parameters took. */
    @Test
    void gradientMapIsTheAdjointOfThePlacement() {
        SplittableRandom r = new SplittableRandom(4);
        int nx = 7;
        int ny = 6;
        for (Placement s : new Placement[]{Placement.NONE, new Placement(1, 0), new Placement(-2, 3), new Placement(6, -5),
                new Placement(0.3, 0), new Placement(-1.25, 2.6), new Placement(-0.5, -0.5), new Placement(6.7, -5.1)}) {
            double[] theta = r.doubles(nx * ny, -1, 1).toArray();
            double[] g = r.doubles(nx * ny, -1, 1).toArray();
            double lhs = dot(g, s.onPixels(theta, nx, ny));
            double rhs = dot(s.toParams(g, nx, ny), theta);
            assertEquals(lhs, rhs, 1e-12 * (1 + Math.abs(lhs)), s.toString());
        }
    }

    /**
     * A fractional placement interpolates: on a plane that is linear in x and y the pixels inside show the plane
     * moved by exactly (dx, dy), and its values stay between their neighbours' (no overshoot: phases kept in a
     * range stay in it).
     */
    @Test
    void fractionalPlacementShowsTheParametersInterpolated() {
        int nx = 9;
        int ny = 8;
        double[] plane = new double[nx * ny];
        for (int q = 0; q < ny; q++) {
            for (int p = 0; p < nx; p++) {
                plane[q * nx + p] = 0.5 * p - 0.25 * q;
            }
        }
        Placement s = new Placement(1.3, -0.6);
        double[] shown = s.onPixels(plane, nx, ny);
        for (int q = 1; q < ny; q++) {
            for (int p = 0; p < nx - 3; p++) {
                assertEquals(0.5 * (p + 1.3) - 0.25 * (q - 0.6), shown[q * nx + p], 1e-12, "pixel " + p + "," + q);
            }
        }
        double[] step = new double[nx * ny];
        for (int i = 0; i < step.length; i++) {
            step[i] = (i % nx) < 4 ? 0 : 5.8;
        }
        for (double v : new Placement(0.4, 0.7).onPixels(step, nx, ny)) {
            assertTrue(v >= 0 && v <= 5.8, "interpolated value outside its neighbours: " + v);
        }
    }

    @Test
    void zeroHysteresisFollowsTheCreepExactly() {
        assertEquals(new Placement(0.37, -1.62), Placement.NONE.following(0.37, -1.62, 0));
        assertEquals(new Placement(0.01, 0), new Placement(3, 2).following(0.01, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Placement.NONE.following(0.4, 0, 0.3));
    }

    @Test
    void followsTheCreepWithHysteresis() {
        Placement p = Placement.NONE;
        assertSame(p, p.following(0.55, -0.59, 0.6), "within the hysteresis: stay");
        Placement moved = p.following(0.61, -1.7, 0.6);
        assertEquals(new Placement(1, -2), moved);
        assertSame(moved, moved.following(0.45, -1.45, 0.6), "registration noise around a half pixel must not flip it back");
        assertEquals(new Placement(0, -2), moved.following(0.39, -1.45, 0.6));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
