package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.Direction;
import org.phasor.bench.Injection;
import org.phasor.bench.ReferenceArm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bench propagates a pass lazily, only as far as the captures so far needed; the frames must not depend on
 * the order the planes are captured in, nor on another pass (a reference track) interleaving.
 */
class PassOrderTest {
    private static final int N = 24;
    private static final int LAYERS = 4;

    /** Every alignment, SLM and illumination imperfection of a lab, an exact camera and no drift. */
    private static SimulatedBench bench() {
        Imperfections imp = new Imperfections(3, 1.0, 0.2, 0.02, 0.93, 1.15, 0.6, 0.3, 1.0, 0, 1, 0, 0, 0, false, 0,
                0, 0, "lab optics, exact camera");
        BenchDescription d = Rig.description(N, LAYERS, 2e-3);
        SimulatedBench b = new SimulatedBench(d, imp, Rig.PROP);
        double[][] phases = Rig.levelPhases(LAYERS, N * N, 5);
        BenchCalibration cal = BenchCalibration.nominal(d);
        for (int m = 1; m <= LAYERS; m++) {
            b.program(m, cal.levels(m, phases[m - 1], N, N));
        }
        b.setReference(ReferenceArm.at(0.3));
        return b;
    }

    /**
     * Captures {@code light} at the planes in {@code order}; with {@code interleave}, after each capture also a
     * fresh injection of one other field (as the reference track makes), which must read the same every time.
     */
    private static double[][] capture(SimulatedBench b, Injection light, int[] order, boolean interleave) {
        double[][] out = new double[LAYERS + 2][];
        ComplexFrames other = Rig.inputs(1, N, 9);
        double[] first = null;
        for (int plane : order) {
            out[plane] = b.capture(light, plane).values();
            if (interleave) {
                double[] o = b.capture(new Injection(Direction.REVERSE, LAYERS + 1, other), 1).values();
                if (first == null) {
                    first = o;
                }
                assertArrayEquals(first, o, 0, "the interleaved pass reads differently after plane " + plane);
            }
        }
        return out;
    }

    @Test
    void framesDoNotDependOnCaptureOrder() {
        Injection forward = Injection.inputs(Rig.inputs(3, N, 1));
        Injection reverse = new Injection(Direction.REVERSE, LAYERS + 1, Rig.inputs(3, N, 2));
        Injection fromMiddle = new Injection(Direction.REVERSE, 3, Rig.inputs(3, N, 4));
        check(forward, new int[]{0, 1, 2, 3, 4, 5}, new int[]{5, 2, 0, 4, 1, 3});
        check(reverse, new int[]{5, 4, 3, 2, 1, 0}, new int[]{0, 3, 5, 1, 4, 2});
        check(fromMiddle, new int[]{3, 2, 1, 0}, new int[]{1, 3, 0, 2});
    }

    private static void check(Injection light, int[] inOrder, int[] shuffled) {
        double[][] a = capture(bench(), light, inOrder, false);
        double[][] b = capture(bench(), light, shuffled, true);
        for (int plane : inOrder) {
            assertEquals(light.batch() * N * N, a[plane].length);
            assertArrayEquals(a[plane], b[plane], 0, "plane " + plane + " of light injected at " + light.plane());
        }
    }
}
