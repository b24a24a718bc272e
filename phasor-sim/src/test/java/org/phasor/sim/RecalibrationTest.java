package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchClassifier;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.CreepFollowing;
import org.phasor.bench.FullyForward;
import org.phasor.bench.FullyForwardMethod;
import org.phasor.bench.Holography;
import org.phasor.bench.NominalModel;
import org.phasor.bench.RecalibratingMethod;
import org.phasor.data.ImageEncoder;
import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;
import org.phasor.train.loss.SoftmaxCrossEntropy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Periodic re-calibration: re-measured on schedule, paid for in the step's frames, same gradients when nothing drifts. */
class RecalibrationTest {
    private static final int N = 24;

    private static Batch batch() {
        SplittableRandom r = new SplittableRandom(4);
        float[] f = new float[4 * 12 * 12];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextDouble();
        }
        return new Batch(f, new int[]{0, 3, 5, 9}, 12, 12);
    }

    private static Function<BenchCalibration, GradientMethod> ffm(SimulatedBench bench, Holography holo,
                                                                   List<BenchCalibration> seen) {
        BenchDescription d = bench.describe();
        ImageEncoder enc = ImageEncoder.amplitude(12);
        return cal -> {
            seen.add(cal);
            return new FullyForwardMethod(new BenchClassifier(bench, cal, enc::encode,
                    NominalModel.detectors343(N, N, 2), SoftmaxCrossEntropy.normalised(10)),
                    new FullyForward(bench, cal, holo, List.of()));
        };
    }

    @Test
    void remeasuresEveryKStepsAndCountsItsFrames() {
        BenchDescription d = Rig.description(N, 2, 1e-3);
        Params p = new Params(Rig.levelPhases(2, N * N, 1));
        Batch b = batch();

        SimulatedBench plainBench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        Holography holo = new Holography(3, 4);
        BenchCalibration cal0 = BenchCalibration.measure(plainBench, holo, 32, 2);
        List<BenchCalibration> seenPlain = new ArrayList<>();
        GradientMethod plain = ffm(plainBench, holo, seenPlain).apply(cal0);

        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        Holography holo2 = new Holography(3, 4);
        BenchCalibration cal1 = BenchCalibration.measure(bench, holo2, 32, 2);
        List<BenchCalibration> seen = new ArrayList<>();
        RecalibratingMethod recal = new RecalibratingMethod(bench, holo2, 32, 2, 2, cal1, ffm(bench, holo2, seen));

        for (int s = 0; s < 5; s++) {
            StepResult a = plain.step(p, b);
            long before = bench.cost().frames();
            StepResult r = recal.step(p, b);
            assertEquals(bench.cost().frames() - before, r.cost().frames(), "every frame of step " + s + " is counted");
            boolean remeasured = s == 2 || s == 4;
            if (!remeasured) {
                assertEquals(a.cost().frames(), r.cost().frames(), "frames of step " + s);
            }
            assertTrue(r.cost().frames() > a.cost().frames() || !remeasured, "re-measuring costs frames");
            assertEquals(a.loss(), r.loss(), 1e-12, "loss of step " + s);
            for (int l = 0; l < 2; l++) {
                assertArrayEquals(a.gradients()[l], r.gradients()[l], 1e-9, "gradient of step " + s);
            }
        }
        assertEquals(3, seen.size(), "initial calibration plus re-measurements before steps 3 and 5");
        assertThrows(IllegalArgumentException.class,
                () -> new RecalibratingMethod(bench, holo2, 32, 2, 0, cal1, ffm(bench, holo2, seen)));
    }

    @Test
    void reRegistersBetweenFullCalibrationsKeepingTheResponse() {
        BenchDescription d = Rig.description(N, 2, 1e-3);
        Params p = new Params(Rig.levelPhases(2, N * N, 1));
        Batch b = batch();
        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        Holography holo = new Holography(3, 4);
        BenchCalibration cal = BenchCalibration.measure(bench, holo, 32, 2);
        List<BenchCalibration> seen = new ArrayList<>();
        RecalibratingMethod recal = new RecalibratingMethod(bench, holo, 32, 2, 4, 2, CreepFollowing.OFF, cal, ffm(bench, holo, seen));
        long[] frames = new long[5];
        for (int s = 0; s < 5; s++) {
            frames[s] = recal.step(p, b).cost().frames();
        }
        // steps 0..4: full calibrations before step 4, re-registrations before step 2
        assertEquals(3, seen.size(), "initial, re-registered before step 2, fully re-measured before step 4");
        BenchCalibration reg = seen.get(1);
        assertTrue(reg.responses().equals(cal.responses()), "a re-registration keeps the measured responses");
        assertEquals(2L * 3 * 2, frames[2] - frames[1], "re-registration: 2 holographic measurements per modulator");
        assertTrue(frames[4] - frames[1] > frames[2] - frames[1], "a full calibration costs more than a re-registration");
        assertThrows(IllegalArgumentException.class,
                () -> new RecalibratingMethod(bench, holo, 32, 2, 0, 0, CreepFollowing.OFF, cal, ffm(bench, holo, seen)));
    }
}
