package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.IntensityObjective;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reference-arm phase drift rotates every measured field; an FFM gradient is a product of two of them, so the drift
 * accumulated between the once-per-step track and each measurement biases it. Tracking before every measurement
 * must shrink that bias, and costs exactly one flat-field measurement ({@code steps} frames) per measurement. The
 * bias is proportional to the drift rate (measured: 0.0099 / 0.040 / 0.40 once per step at 0.005 / 0.02 / 0.2 rad/√s,
 * 0.0081 / 0.032 / 0.31 tracked each measurement).
 */
class ReferenceTrackingTest {
    private static final int N = 24;
    private static final int LAYERS = 3;

    private static double deviation(boolean trackEach, double driftRadPerRootS, long[] frames) {
        BenchDescription d = Rig.description(N, LAYERS, 1.5e-3);
        Imperfections drifting = new Imperfections(5, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, false, 0,
                0, driftRadPerRootS, "reference drift only");
        double[][] phases = Rig.levelPhases(LAYERS, N * N, 21);
        ComplexFrames in = Rig.inputs(4, N, 5);
        IntensityObjective mse = Rig.mse(Rig.target(N * N, 3));

        FullyForward exact = new FullyForward(new SimulatedBench(d, Imperfections.NONE, Rig.PROP),
                BenchCalibration.nominal(d), new Holography(3, LAYERS + 2), List.of());
        exact.program(phases);
        double[][] g0 = exact.gradient(in, mse).gradient();

        SimulatedBench bench = new SimulatedBench(d, drifting, Rig.PROP);
        FullyForward ffm = new FullyForward(bench, BenchCalibration.nominal(d),
                new Holography(3, LAYERS + 2, trackEach), List.of());
        ffm.program(phases);
        double sum = 0;
        int steps = 20;
        for (int s = 0; s < steps; s++) {
            FullyForward.Result r = ffm.gradient(in, mse);
            frames[0] = r.cost().frames();
            sum += Rig.relativeL2(r.gradient(), g0);
        }
        return sum / steps;
    }

    @Test
    void trackingEveryMeasurementShrinksTheDriftBiasAndCostsOneMeasurementEach() {
        long[] onceFrames = new long[1];
        long[] eachFrames = new long[1];
        double once = deviation(false, 0.05, onceFrames);
        double each = deviation(true, 0.05, eachFrames);
        // data pass: LAYERS + 1 holographic measurements and one intensity capture; error pass: LAYERS measurements
        int measurements = 2 * LAYERS + 1;
        assertEquals(onceFrames[0] + 3L * (measurements - 1), eachFrames[0],
                "one extra 3-frame track per measurement (the step's first is already tracked)");
        assertTrue(once > 0.02, "the drift must bias the once-per-step gradient, deviation " + once);
        // Seeded: 0.079 vs 0.099 at the lab's 0.05 rad/√s. What tracking cannot remove is the drift between the phase
        // steps of one measurement (one capture of the batch each), which both settings share.
        assertTrue(each < 0.85 * once, "tracking each measurement: deviation " + each + " vs once per step " + once);
        assertEquals(0.0, deviation(true, 0, eachFrames), 1e-9, "no drift, no deviation");
    }
}
