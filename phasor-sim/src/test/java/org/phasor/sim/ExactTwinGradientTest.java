package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.Injection;
import org.phasor.bench.IntensityObjective;
import org.phasor.bench.ReferenceArm;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's own adjoint ({@link SimulatedBench#exactGradient}, behind the report-only exact-twin method) is
 * the exact gradient of the bench: it equals FFM on the ideal bench, and on a lab profile (exact camera, no drift)
 * it matches central finite differences of the bench's own output over one device level, through shifts,
 * rotation, spacing errors, aberrations, the SLM's response and crosstalk and the Gaussian illumination.
 */
class ExactTwinGradientTest {
    static final int N = 24;

    @Test
    void equalsFfmOnTheIdealBench() {
        int layers = 3;
        BenchDescription d = Rig.description(N, layers, 1.5e-3);
        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        FullyForward ffm = new FullyForward(bench, BenchCalibration.nominal(d), new Holography(4, layers + 2),
                java.util.List.of());
        ffm.program(Rig.levelPhases(layers, N * N, 4));
        ComplexFrames in = Rig.inputs(2, N, 5);
        IntensityObjective obj = Rig.mse(Rig.target(N * N, 3));
        double[][] measured = ffm.gradient(in, obj).gradient();
        double[][] exact = bench.exactGradient(in, obj).gradient();
        double num = 0;
        double den = 0;
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < N * N; i++) {
                num += Math.pow(measured[l][i] - exact[l][i], 2);
                den += exact[l][i] * exact[l][i];
            }
        }
        assertTrue(den > 0, "zero gradient: vacuous");
        assertTrue(Math.sqrt(num / den) < 1e-9, "exact twin vs FFM on the ideal bench: " + Math.sqrt(num / den));
    }

    @Test
    void matchesFiniteDifferencesOnALabBench() {
        int layers = 2;
        BenchDescription d = Rig.description(N, layers, 1.5e-3);
        Imperfections lab = new Imperfections(5, 1.0, 2.0, 0.02, 0.93, 1.15, 0.6, 0.3, 1.0, 0, 1, 0, 0, 0, false, 0,
                0, 0, "lab optics, exact camera, no drift");
        SimulatedBench bench = new SimulatedBench(d, lab, Rig.PROP);
        SplittableRandom r = new SplittableRandom(9);
        int[][] lv = new int[layers][N * N];
        for (int[] layer : lv) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] = 2 + r.nextInt(252);
            }
        }
        for (int m = 1; m <= layers; m++) {
            bench.program(m, lv[m - 1]);
        }
        ComplexFrames in = Rig.inputs(2, N, 6);
        IntensityObjective obj = Rig.mse(Rig.target(N * N, 7));
        double[][] g = bench.exactGradient(in, obj).gradient();
        SlmPlane slm = new SlmPlane(N, N, 256, lab, new double[5]);
        int checked = 0;
        double worst = 0;
        for (int m = 1; m <= layers; m++) {
            // the pixels with the largest gradients (relative FD error is meaningful there)
            Integer[] order = new Integer[N * N];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            double[] gm = g[m - 1];
            java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(gm[b]), Math.abs(gm[a])));
            for (int k = 0; k < 4; k++) {
                int i = order[k];
                int l0 = lv[m - 1][i];
                double lossUp = loss(bench, m, lv[m - 1], i, l0 + 1, in, obj);
                double lossDown = loss(bench, m, lv[m - 1], i, l0 - 1, in, obj);
                bench.program(m, lv[m - 1]);
                double fd = (lossUp - lossDown) / (slm.truePhase(l0 + 1) - slm.truePhase(l0 - 1));
                double rel = Math.abs(fd - gm[i]) / Math.abs(gm[i]);
                worst = Math.max(worst, rel);
                checked++;
            }
        }
        assertTrue(checked == 8, "pixels checked");
        // one level is 0.023 rad: the central difference's own error is a few 1e-4 of the gradient
        assertTrue(worst < 5e-3, "exact gradient vs central finite differences over one level: worst " + worst);
    }

    private static double loss(SimulatedBench bench, int m, int[] levels, int i, int level, ComplexFrames in,
                               IntensityObjective obj) {
        int[] lv = levels.clone();
        lv[i] = level;
        bench.program(m, lv);
        bench.setReference(ReferenceArm.BLOCKED);
        double[] frame = bench.capture(Injection.inputs(in), bench.describe().outputPlane()).values();
        return obj.lossAndGradient(frame, in.batch(), N * N, new double[frame.length]);
    }
}
