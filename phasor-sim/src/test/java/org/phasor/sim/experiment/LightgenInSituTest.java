package org.phasor.sim.experiment;

import org.junit.jupiter.api.Test;
import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;
import org.phasor.math.fft.FftBackends;
import org.phasor.sim.Profiles;
import org.phasor.task.generative.digital.FeatureClassifier;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick in-situ run: four rows, the ideal bench agrees with the simulation, FFM spends bench frames. */
class LightgenInSituTest {

    @Test
    void quickRunDeploysAndFineTunesTheDecoderOnTheLabBench() throws Exception {
        DataSplit data = Datasets.shippedFashionMnistSubset();
        FeatureClassifier clf = FeatureClassifier.load(Path.of("..", "data", "models", "fashion-mnist-classifier.npy"));
        LightgenInSitu.Settings s = LightgenInSitu.Settings.quick();
        LightgenInSitu.Result r = LightgenInSitu.run(s, data.train(), data.test(), clf, "lab", Profiles.load("lab"),
                FftBackends.select("java", m -> { }), m -> { });
        assertEquals(5, r.rows().size());
        for (LightgenInSitu.Row row : r.rows()) {
            assertTrue(Double.isFinite(row.frechet()) && Double.isFinite(row.psnr()), row.toString());
        }
        LightgenInSitu.Row ideal = r.rows().get(0);
        LightgenInSitu.Row idealBench = r.rows().get(1);
        // same design, same optics: only the 8-bit phase levels differ
        assertEquals(ideal.psnr(), idealBench.psnr(), 0.1, "ideal bench vs simulation PSNR");
        assertEquals(ideal.classAccuracy(), idealBench.classAccuracy(), 0.1, "ideal bench vs simulation accuracy");
        assertTrue(r.ffm().frames() > 0 && r.rows().get(3).adaptationFrames() > r.rows().get(2).adaptationFrames());
        assertEquals(s.inSitu().steps(), r.curve().getLast().step());
    }

    @Test
    void inSituTrainingRejectsAnEmptyBatchAndNonPositiveLearningRates() {
        assertThrows(IllegalArgumentException.class, () -> new LightgenInSitu.InSituTraining(4, 0, 0.03, 0.05, false));
        assertThrows(IllegalArgumentException.class, () -> new LightgenInSitu.InSituTraining(4, 8, 0, 0.05, false));
        assertThrows(IllegalArgumentException.class, () -> new LightgenInSitu.InSituTraining(4, 8, 0.03, Double.NaN, false));
        assertThrows(IllegalArgumentException.class, () -> new LightgenInSitu.InSituTraining(-1, 8, 0.03, 0.05, false));
        assertEquals(0, new LightgenInSitu.InSituTraining(0, 1, 0.03, 0.05, true).steps());
    }
}
