package org.phasor.photonics.bench;

import org.junit.jupiter.api.Test;
import org.phasor.photonics.Activation;
import org.phasor.photonics.NetworkShape;
import org.phasor.photonics.train.ChipTraining;
import org.phasor.photonics.train.LabeledFields;
import org.phasor.photonics.train.ParticleSwarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Measured calibration of a lab chip, and the PSO baseline's bookkeeping. */
class ChipCalibrationTest {
    static final NetworkShape SHAPE = new NetworkShape("clements", new int[] {6, 4}, Activation.kerr(1.0), 3, 5.0);

    @Test
    void calibrationPredictsHeldOutSettingsAndFixesThePatGradient() {
        SimulatedChipBench chip = new SimulatedChipBench(SHAPE, ChipImperfections.LAB, 21);
        CoherentDetection det = new CoherentDetection(3, 1.0);
        ChipCalibration.Report r = new ChipCalibration(6, 3, 240, 0.01, true, 5).calibrate(chip, SHAPE, det, null);
        for (int c = 0; c < SHAPE.cores(); c++) {
            assertTrue(r.heldOutResidual()[c] < 0.25 * r.nominalResidual()[c],
                    "core " + c + ": held out " + r.heldOutResidual()[c] + " vs nominal " + r.nominalResidual()[c]);
        }
        // cost: (settings + heldOut) programmings per core, n launches × 3 steps each
        assertEquals(9L * (6 + 4) * 3, r.cost().frames());
        assertEquals(18, r.cost().programs());
        double[][] s = ChipBenchTest.settings(SHAPE, 3);
        double[][] x = ChipBenchTest.inputs(8, 6, 4);
        LabeledFields probe = new LabeledFields(x, new int[] {0, 1, 2, 0, 1, 2, 0, 1});
        double nominal = ChipTraining.gradientDeviation(chip, SHAPE, s, probe, det)[1];
        double calibrated = ChipTraining.gradientDeviation(chip, SHAPE, s, probe, det, r.model())[1];
        assertTrue(calibrated < 0.5 * nominal && calibrated < 0.3, "PAT gradient deviation: calibrated " + calibrated + ", nominal " + nominal);
    }

    /** The shared-Trainer method with a calibrated twin gives PAT's gradient, command-mapped, as ChipTraining does. */
    @Test
    void gradientMethodPatUsesTheCalibratedTwin() {
        SimulatedChipBench chip = new SimulatedChipBench(SHAPE, ChipImperfections.IDEAL, 2);
        CoherentDetection det = new CoherentDetection(4, 1.0);
        org.phasor.photonics.CalibratedModel twin = new org.phasor.photonics.CalibratedModel(SHAPE);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        for (int c = 0; c < SHAPE.cores(); c++) {
            double[] p = twin.parameters(c);
            for (int i = 0; i < p.length; i++) {
                p[i] += 0.03 * rng.nextGaussian();      // a twin that differs from the nominal one, gains and crosstalk included
            }
            twin.setParameters(c, p);
        }
        double[][] x = ChipBenchTest.inputs(4, 6, 5);
        int[] labels = {0, 1, 2, 0};
        double[][] s = ChipBenchTest.settings(SHAPE, 6);
        var method = new org.phasor.photonics.train.ChipGradientMethod("pat", SHAPE, chip, det, twin, b -> x);
        var batch = new org.phasor.train.Batch(new float[4], labels, 1, 1);
        var step = method.step(new org.phasor.model.Params(s), batch);
        // reference: measured forward, twin backward, twin's command map
        var pass = new org.phasor.photonics.NetworkPass(SHAPE);
        for (int c = 0; c < s.length; c++) {
            twin.program(c, s[c]);
            chip.program(c, s[c]);
        }
        pass.forward(new BenchAccess(chip, new org.phasor.photonics.PhotonicModel(SHAPE), det), x, labels);
        pass.retap(twin);
        double[][] g = {new double[SHAPE.heaters(0)], new double[SHAPE.heaters(1)]};
        pass.backward(twin, g);
        for (int c = 0; c < 2; c++) {
            double[] ref = twin.settingsGradient(c, g[c]);
            for (int h = 0; h < ref.length; h++) {
                assertEquals(ref[h], step.gradients()[c][h], 1e-9 * (1 + Math.abs(ref[h])));
            }
        }
    }

    @Test
    void particleSwarmCountsAFullDataPassPerObjectiveValue() {
        SimulatedChipBench chip = new SimulatedChipBench(SHAPE, ChipImperfections.LOW, 3);
        double[][] x = ChipBenchTest.inputs(5, 6, 8);
        LabeledFields train = new LabeledFields(x, new int[] {0, 1, 2, 0, 1});
        ChipTraining.PsoRun run = ChipTraining.trainPso(SHAPE, train, chip, 3, ParticleSwarm.standard(4), 3, 1);
        assertEquals(4, run.curve().size() + 1);
        assertEquals((3 + 1) * 4 * ChipTraining.psoFramesPerEvaluation(SHAPE, 5, 3), run.cost().frames());
        assertTrue(run.curve().getLast() <= run.curve().getFirst());
        assertEquals(SHAPE.heaters(0), run.settings()[0].length);
    }
}
