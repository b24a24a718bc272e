package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchClassifier;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.NominalModel;
import org.phasor.bench.ParticleSwarmMethod;
import org.phasor.data.ImageEncoder;
import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.StepResult;
import org.phasor.train.loss.SoftmaxCrossEntropy;
import org.phasor.train.optim.ParameterConstraint;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PSO uses bench forward passes only, never makes the best parameters worse on a fixed batch, and keeps a given
 * range.
 */
class ParticleSwarmTest {
    private static final int N = 32;

    private static BenchClassifier classifier() {
        BenchDescription d = Rig.description(N, 2, 1.5e-3);
        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        ImageEncoder enc = ImageEncoder.amplitude(16);
        return new BenchClassifier(bench, BenchCalibration.nominal(d), enc::encode,
                NominalModel.detectors343(N, N, 2), SoftmaxCrossEntropy.normalised(10));
    }

    private static Batch randomBatch() {
        SplittableRandom r = new SplittableRandom(2);
        float[] f = new float[10 * 16 * 16];
        int[] labels = new int[10];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextDouble();
        }
        for (int b = 0; b < 10; b++) {
            labels[b] = b;
        }
        return new Batch(f, labels, 16, 16);
    }

    @Test
    void swarmImprovesOnAFixedBatchWithForwardPassesOnly() {
        int n = N;
        BenchClassifier c = classifier();
        Batch batch = randomBatch();
        Params p = new Params(Rig.levelPhases(2, n * n, 3));
        double before = c.evaluate(p, batch).loss();
        ParticleSwarmMethod pso = new ParticleSwarmMethod(c, 6, 0.7, 1.5, 1.5, 1.0, 5);
        long passes = 0;
        for (int s = 0; s < 4; s++) {
            StepResult res = pso.step(p, batch);
            assertNull(res.gradients(), "PSO has no gradient");
            assertEquals(0, res.cost().errorPasses(), "PSO makes no error pass");
            passes += res.cost().dataPasses();
        }
        assertEquals(4L * 6 * 10, passes, "one pass per sample per particle per step");
        double after = c.evaluate(p, batch).loss();
        assertTrue(after <= before, "best parameters got worse: " + before + " -> " + after);
    }

    /** With each layer's range as a constraint the swarm's result stays inside it; without, it leaves it. */
    @Test
    void constrainedSwarmKeepsEveryPhaseInRange() {
        double hi = 0.93 * 2 * Math.PI;
        BenchClassifier c = classifier();
        Batch batch = randomBatch();
        List<ParameterConstraint> range = List.of(new ParameterConstraint.Clamp(0, hi),
                new ParameterConstraint.Clamp(0, hi));
        double[] maxByRun = new double[2];
        for (int run = 0; run < 2; run++) {
            double[][] start = new double[2][N * N];
            for (double[] layer : start) {
                Arrays.fill(layer, hi - 0.1); // at the range's top, so a spread of 1 rad pushes half outside
            }
            Params p = new Params(start);
            ParticleSwarmMethod pso = new ParticleSwarmMethod(c, 6, 0.7, 1.5, 1.5, 1.0, 5,
                    run == 0 ? range : List.of());
            for (int s = 0; s < 4; s++) {
                pso.step(p, batch);
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] layer : p.layers()) {
                for (double v : layer) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            maxByRun[run] = max;
            if (run == 0) {
                assertTrue(min >= 0 && max <= hi, "constrained swarm left [0, " + hi + "]: " + min + ".." + max);
            }
        }
        assertTrue(maxByRun[1] > hi, "the unconstrained swarm should leave the range here (else the test is empty)");
    }
}
