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

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PSO uses bench forward passes only and never makes the best parameters worse on a fixed batch. */
class ParticleSwarmTest {
    @Test
    void swarmImprovesOnAFixedBatchWithForwardPassesOnly() {
        int n = 32;
        BenchDescription d = Rig.description(n, 2, 1.5e-3);
        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        ImageEncoder enc = ImageEncoder.amplitude(16);
        BenchClassifier c = new BenchClassifier(bench, BenchCalibration.nominal(d), enc::encode,
                NominalModel.detectors343(n, n, 2), SoftmaxCrossEntropy.normalised(10));
        SplittableRandom r = new SplittableRandom(2);
        float[] f = new float[10 * 16 * 16];
        int[] labels = new int[10];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextDouble();
        }
        for (int b = 0; b < 10; b++) {
            labels[b] = b;
        }
        Batch batch = new Batch(f, labels, 16, 16);
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
}
