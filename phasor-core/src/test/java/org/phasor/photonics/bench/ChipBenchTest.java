package org.phasor.photonics.bench;

import org.junit.jupiter.api.Test;
import org.phasor.photonics.Activation;
import org.phasor.photonics.CMat;
import org.phasor.photonics.NetworkPass;
import org.phasor.photonics.NetworkShape;
import org.phasor.photonics.PhotonicModel;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChipBenchTest {
    static final NetworkShape SHAPE = new NetworkShape("clements", new int[] {8, 8, 4}, Activation.kerr(1.0), 3, 5.0);

    static double[][] settings(NetworkShape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] s = new double[shape.cores()][];
        for (int c = 0; c < s.length; c++) {
            s[c] = new double[shape.heaters(c)];
            for (int h = 0; h < s[c].length; h++) {
                s[c][h] = 2 * Math.PI * rng.nextDouble();
            }
        }
        return s;
    }

    static double[][] inputs(int b, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[b][2 * n];
        for (double[] r : x) {
            for (int j = 0; j < r.length; j++) {
                r[j] = 0.3 * rng.nextGaussian();
            }
        }
        return x;
    }

    static double[][] grads(NetworkShape shape, org.phasor.photonics.CoreAccess access, double[][] x, int[] y) {
        double[][] g = new double[shape.cores()][];
        for (int c = 0; c < g.length; c++) {
            g[c] = new double[shape.heaters(c)];
        }
        NetworkPass p = new NetworkPass(shape);
        p.forward(access, x, y);
        p.backward(access, g);
        return g;
    }

    static double relErr(double[][] a, double[][] b) {
        double n = 0, d = 0;
        for (int c = 0; c < a.length; c++) {
            for (int h = 0; h < a[c].length; h++) {
                n += (a[c][h] - b[c][h]) * (a[c][h] - b[c][h]);
                d += b[c][h] * b[c][h];
            }
        }
        return Math.sqrt(n / d);
    }

    /** Must-show: on an ideal chip the FFM gradient (both passes measured) equals the adjoint gradient. */
    @Test
    void ffmGradientEqualsAdjointGradientOnIdealChip() {
        for (int steps : new int[] {3, 4}) {
            SimulatedChipBench bench = new SimulatedChipBench(SHAPE, ChipImperfections.IDEAL, 1);
            PhotonicModel model = new PhotonicModel(SHAPE);
            double[][] s = settings(SHAPE, 2);
            for (int c = 0; c < s.length; c++) {
                bench.program(c, s[c]);
                model.program(c, s[c]);
            }
            double[][] x = inputs(6, 8, 3);
            int[] y = {0, 1, 2, 2, 1, 0};
            double[][] gAdj = grads(SHAPE, model, x, y);
            double[][] gFfm = grads(SHAPE, new BenchAccess(bench, model, new CoherentDetection(steps, 1.0)), x, y);
            double rel = relErr(gFfm, gAdj);
            assertTrue(rel <= 1e-6, steps + "-step FFM vs adjoint: " + rel);
            // 4 captures per measurement; forward + reverse of each of 3 cores for 6 samples
            assertEquals(2L * 3 * steps * 6, bench.cost().frames());
        }
    }

    @Test
    void measuredChipMatrixIsSymmetricAndNoisyGradientsStayClose() {
        SimulatedChipBench bench = new SimulatedChipBench(SHAPE, ChipImperfections.LAB, 5);
        double[][] s = settings(SHAPE, 6);
        bench.program(0, s[0]);
        CoherentDetection det = new CoherentDetection(4, 1.0);
        double[][] eye = new double[8][16];
        for (int j = 0; j < 8; j++) {
            eye[j][2 * j] = 1;
        }
        double[][] cols = new double[8][16];
        det.measure(bench, 0, eye, false, cols, null);
        CMat m = new CMat(8, 8);
        for (int j = 0; j < 8; j++) {
            m.setColumn(j, cols[j]);
        }
        double asym = m.maxAbsDiff(m.transpose());
        assertTrue(asym < 0.05, "measured M − Mᵀ within detector noise: " + asym);
        assertTrue(asym > 0, "the measurement is noisy");
    }

    @Test
    void oracleSettingsGradientMatchesFiniteDifferencesThroughHeaterResponse() {
        // gains and crosstalk but continuous drivers, no drift, no noise: FD is well defined
        ChipImperfections p = new ChipImperfections("fd", 0.03, 0.1, 0.05, 0.01, 0.05, 0.1, 0, 0.05, 0, 0, 0);
        NetworkShape shape = new NetworkShape("clements", new int[] {5, 4}, Activation.none(), 2, 3.0);
        SimulatedChipBench bench = new SimulatedChipBench(shape, p, 9);
        double[][] s = settings(shape, 10);
        for (int c = 0; c < s.length; c++) {
            bench.program(c, s[c]);
        }
        double[][] x = inputs(4, 5, 11);
        int[] y = {0, 1, 1, 0};
        SimulatedChipBench.Oracle o = bench.oracle();
        double[][] g = grads(shape, o, x, y);
        for (int c = 0; c < g.length; c++) {
            g[c] = o.settingsGradient(c, g[c]);
        }
        double h = 1e-6;
        double[][] fd = new double[s.length][];
        for (int c = 0; c < s.length; c++) {
            fd[c] = new double[s[c].length];
            for (int k = 0; k < s[c].length; k++) {
                double keep = s[c][k];
                s[c][k] = keep + h;
                bench.program(c, s[c]);
                double lp = new NetworkPass(shape).forward(o, x, y);
                s[c][k] = keep - h;
                bench.program(c, s[c]);
                double lm = new NetworkPass(shape).forward(o, x, y);
                s[c][k] = keep;
                bench.program(c, s[c]);
                fd[c][k] = (lp - lm) / (2 * h);
            }
        }
        assertTrue(relErr(g, fd) < 1e-6, "settings gradient vs FD: " + relErr(g, fd));
    }
}
