package org.phasor.photonics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeshTest {

    @Test
    void mziBuiltFromPartsMatchesClosedForm() {
        MeshLayout one = MeshLayout.clements(2);
        double theta = 0.7, phi = -1.3;
        double[] phases = new double[one.heaters()];
        phases[one.thetaHeater(0)] = theta;
        phases[one.phiHeater(0)] = phi;
        CMat m = Mesh.path(one, Fabrication.ideal(one)).matrix(phases);
        double[] t = Mzi.ideal(theta, phi);
        for (int e = 0; e < 4; e++) {
            assertEquals(t[2 * e], m.re(e / 2, e % 2), 1e-15);
            assertEquals(t[2 * e + 1], m.im(e / 2, e % 2), 1e-15);
        }
    }

    @Test
    void splitPhasesRefactorsAnyTwoByTwoUnitary() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            CMat v = CMat.haarUnitary(2, rng);
            double[] vv = {v.re(0, 0), v.im(0, 0), v.re(0, 1), v.im(0, 1), v.re(1, 0), v.im(1, 0), v.re(1, 1), v.im(1, 1)};
            double[] p = Mzi.splitPhases(vv);
            double[] t = Mzi.ideal(p[2], p[3]);
            for (int r = 0; r < 2; r++) {
                double a = p[r];
                for (int c = 0; c < 2; c++) {
                    int e = 2 * r + c;
                    double re = Math.cos(a) * t[2 * e] - Math.sin(a) * t[2 * e + 1];
                    double im = Math.cos(a) * t[2 * e + 1] + Math.sin(a) * t[2 * e];
                    assertEquals(vv[2 * e], re, 1e-13);
                    assertEquals(vv[2 * e + 1], im, 1e-13);
                }
            }
        }
    }

    @Test
    void layoutsHaveTheirShapes() {
        for (int n : new int[] {3, 4, 8, 16, 64}) {
            MeshLayout c = MeshLayout.clements(n);
            MeshLayout r = MeshLayout.reck(n);
            assertEquals(n * (n - 1) / 2, c.mzis());
            assertEquals(n * (n - 1) / 2, r.mzis());
            assertEquals(n, c.columns(), "Clements is rectangular: N columns");
            assertEquals(Math.max(1, 2 * n - 3), r.columns(), "Reck is triangular: 2N−3 columns");
        }
    }

    /** The must-show round trip: Haar-random 16×16 programmed and read back to ≤ 1e-10. */
    @ParameterizedTest
    @CsvSource({"clements,16", "reck,16", "clements,5", "reck,7", "clements,64", "reck,64"})
    void haarUnitaryRoundTrip(String layoutName, int n) {
        SplittableRandom rng = new SplittableRandom(n * 31L + layoutName.length());
        CMat u = CMat.haarUnitary(n, rng);
        assertTrue(u.times(u.adjoint()).maxAbsDiff(CMat.identity(n)) < 1e-13, "target is unitary");
        MeshLayout layout = MeshLayout.named(layoutName, n);
        double[] phases = Decomposition.program(u, layout);
        CMat back = Mesh.path(layout, Fabrication.ideal(layout)).matrix(phases);
        double err = back.maxAbsDiff(u);
        assertTrue(err <= 1e-10, layoutName + " " + n + ": max |U − mesh| = " + err);
    }

    @Test
    void columnSnapshotsEndAtTheOutputAndConservePower() {
        MeshLayout layout = MeshLayout.clements(8);
        SplittableRandom rng = new SplittableRandom(5);
        double[] phases = Decomposition.program(CMat.haarUnitary(8, rng), layout);
        OpticalPath p = Mesh.path(layout, Fabrication.ideal(layout));
        double[] cis = new double[2 * p.heaters()];
        p.cis(phases, cis);
        double[] x = new double[16];
        x[0] = 1;
        double[][] snaps = new double[p.marks()][16];
        p.forward(cis, x, null, snaps);
        assertEquals(layout.columns() + 1, p.marks());
        for (double[] s : snaps) {
            double pw = 0;
            for (double v : s) {
                pw += v * v;
            }
            assertEquals(1, pw, 1e-13, "lossless mesh conserves power at every column");
        }
        assertEquals(0, maxDiff(snaps[p.marks() - 1], x));
    }

    @Test
    void imperfectCouplersBreakTheProgrammedUnitary() {
        MeshLayout layout = MeshLayout.clements(16);
        SplittableRandom rng = new SplittableRandom(9);
        CMat u = CMat.haarUnitary(16, rng);
        double[] phases = Decomposition.program(u, layout);
        Fabrication fab = Fabrication.random(layout, 0.02, 0, 0, 0, rng);
        double err = Mesh.path(layout, fab).matrix(phases).maxAbsDiff(u);
        assertTrue(err > 1e-2, "2 % coupler errors must show: " + err);
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
