package org.phasor.photonics.bench;

import org.junit.jupiter.api.Test;
import org.phasor.photonics.Activation;
import org.phasor.photonics.HeaterResponse;
import org.phasor.photonics.MeshLayout;
import org.phasor.photonics.NetworkPass;
import org.phasor.photonics.NetworkShape;
import org.phasor.photonics.PhotonicModel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImperfectionTest {
    static final NetworkShape SHAPE = new NetworkShape("reck", new int[] {6, 4}, Activation.none(), 2, 4.0);

    private static double[][] measure(SimulatedChipBench bench, double[][] s, double[][] x) {
        for (int c = 0; c < s.length; c++) {
            bench.program(c, s[c]);
        }
        double[][] out = new double[x.length][12];
        new CoherentDetection(4, 1.0).measure(bench, 0, x, false, out, null);
        return out;
    }

    @Test
    void sameSeedSameChipOtherSeedOtherChip() {
        double[][] s = ChipBenchTest.settings(SHAPE, 1);
        double[][] x = ChipBenchTest.inputs(3, 6, 2);
        double[][] a = measure(new SimulatedChipBench(SHAPE, ChipImperfections.LAB, 7), s, x);
        double[][] b = measure(new SimulatedChipBench(SHAPE, ChipImperfections.LAB, 7), s, x);
        double[][] c = measure(new SimulatedChipBench(SHAPE, ChipImperfections.LAB, 8), s, x);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
        assertTrue(Math.abs(a[0][0] - c[0][0]) + Math.abs(a[1][3] - c[1][3]) > 1e-3);
    }

    @Test
    void driftAccumulatesOverProgrammingsOnlyWhenPresent() {
        ChipImperfections drifting = new ChipImperfections("drift", 0, 0, 0, 0, 0, 0, 0, 0, 1e-2, 0, 0);
        double[][] s = ChipBenchTest.settings(SHAPE, 3);
        double[][] x = ChipBenchTest.inputs(1, 6, 4);
        for (ChipImperfections p : new ChipImperfections[] {ChipImperfections.IDEAL, drifting}) {
            SimulatedChipBench bench = new SimulatedChipBench(SHAPE, p, 5);
            double[] first = measure(bench, s, x)[0];
            double[] later = first;
            for (int k = 0; k < 50; k++) {
                later = measure(bench, s, x)[0];
            }
            double diff = 0;
            for (int j = 0; j < first.length; j++) {
                diff = Math.max(diff, Math.abs(first[j] - later[j]));
            }
            if (p == drifting) {
                assertTrue(diff > 1e-2, "50 steps of 0.01 rad drift must move the output: " + diff);
            } else {
                assertEquals(0, diff, 1e-12);
            }
        }
    }

    @Test
    void dacQuantisesToItsLevelsAndCrosstalkReachesNeighbours() {
        MeshLayout layout = MeshLayout.clements(6);
        int h = layout.heaters();
        HeaterResponse r = new HeaterResponse(filled(h, 1), new double[h], 3, 0.1, HeaterResponse.random(layout, 0, 0, 3, 0.1,
                new java.util.SplittableRandom(1)).neighbours());
        assertEquals(Math.PI / 4, r.quantise(0.8), 1e-15);        // 8 levels over 2π: step π/4
        assertEquals(0, r.quantise(2 * Math.PI - 0.1), 1e-12);      // wraps
        double[] settings = new double[h];
        int k = layout.thetaHeater(0);
        settings[k] = Math.PI / 2;
        double[] phases = new double[h];
        r.phases(settings, null, phases);
        int touched = 0;
        for (int i = 0; i < h; i++) {
            if (i != k && phases[i] != 0) {
                touched++;
                assertEquals(0.1 * Math.PI / 2, phases[i], 1e-15);
            }
        }
        assertTrue(touched >= 1, "a heater warms at least one neighbour");
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** PAT on an ideal chip: chip forward + model backward is the exact gradient too. */
    @Test
    void physicsAwareGradientIsExactOnIdealChip() {
        SimulatedChipBench bench = new SimulatedChipBench(SHAPE, ChipImperfections.IDEAL, 2);
        PhotonicModel model = new PhotonicModel(SHAPE);
        double[][] s = ChipBenchTest.settings(SHAPE, 9);
        for (int c = 0; c < s.length; c++) {
            bench.program(c, s[c]);
            model.program(c, s[c]);
        }
        double[][] x = ChipBenchTest.inputs(4, 6, 10);
        int[] y = {0, 1, 1, 0};
        double[][] exact = ChipBenchTest.grads(SHAPE, model, x, y);
        double[][] pat = new double[2][];
        pat[0] = new double[SHAPE.heaters(0)];
        pat[1] = new double[SHAPE.heaters(1)];
        NetworkPass p = new NetworkPass(SHAPE);
        p.forward(new BenchAccess(bench, model, new CoherentDetection(3, 1.0)), x, y);
        p.retap(model);
        p.backward(model, pat);
        assertTrue(ChipBenchTest.relErr(pat, exact) < 1e-6);
    }
}
