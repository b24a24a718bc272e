package org.phasor.photonics.train;

import org.junit.jupiter.api.Test;
import org.phasor.data.DataSplit;
import org.phasor.data.Dataset;
import org.phasor.data.Datasets;
import org.phasor.model.Params;
import org.phasor.photonics.bench.ChipImperfections;
import org.phasor.photonics.bench.CoherentDetection;
import org.phasor.photonics.bench.SimulatedChipBench;
import org.phasor.train.Trainer;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chip trained by the project's shared Trainer through the GradientMethod interface. */
class ChipGradientMethodTest {

    @Test
    void sharedTrainerTrainsIrisFullyForwardOnALabChip() {
        DataSplit split = Datasets.iris(40, 1);
        Dataset train = split.train().minMaxScaled();
        Dataset test = split.test().minMaxScaled(lo(split.train()), hi(split.train()));
        var shape = PhotonicIris.defaultShape();
        SimulatedChipBench chip = new SimulatedChipBench(shape, ChipImperfections.LAB, 3);
        ChipGradientMethod ffm = new ChipGradientMethod("ffm", shape, chip, new CoherentDetection(3, 1.0),
                b -> IrisEncoding.encode(b.features(), b.size()));
        double[][] init = ChipTraining.initialSettings(shape, 1);
        int[] sizes = new int[init.length];
        for (int c = 0; c < sizes.length; c++) {
            sizes[c] = init[c].length;
        }
        Trainer trainer = new Trainer(ffm, new Adam(sizes, LearningRateSchedule.constant(0.03)),
                new Trainer.Settings(15, 10, 1, 0, 30), null, null);
        double before = Trainer.evaluate(ffm, new Params(init), test, 30)[0];
        Trainer.Result r = trainer.train(train, test, trainer.initialState(new Params(init)));
        assertTrue(r.testAccuracy() >= 0.8 && r.testAccuracy() > before,
                "FFM through the shared Trainer: " + before + " → " + r.testAccuracy());
        assertTrue(r.history().getLast().toString().length() > 0);
    }

    private static float[] lo(Dataset d) {
        float[] lo = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < 4; k++) {
                lo[k] = Math.min(lo[k], d.value(i, 0, k));
            }
        }
        return lo;
    }

    private static float[] hi(Dataset d) {
        float[] hi = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < 4; k++) {
                hi[k] = Math.max(hi[k], d.value(i, 0, k));
            }
        }
        return hi;
    }
}
