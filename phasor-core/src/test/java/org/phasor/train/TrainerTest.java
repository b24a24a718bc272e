package org.phasor.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.data.Dataset;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.Encoder;
import org.phasor.model.Params;
import org.phasor.model.TestNetworks;
import org.phasor.train.loss.SoftmaxCrossEntropy;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-silico method (whole-network gradient with the real loss, by finite differences), trainer, checkpoints, resume. */
class TrainerTest {

    /** Images of 8×8: class c lights a bright square at one of four corners, plus noise. */
    static Dataset corners(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] f = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(4);
            labels[i] = c;
            int x0 = (c % 2) * 4;
            int y0 = (c / 2) * 4;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean on = x >= x0 && x < x0 + 4 && y >= y0 && y < y0 + 4;
                    f[i * 64 + y * 8 + x] = (float) ((on ? 0.8 : 0.0) + 0.2 * rnd.nextDouble());
                }
            }
        }
        return new Dataset("corners", f, labels, 8, 8, List.of("a", "b", "c", "d"));
    }

    /** Amplitude encoding of an 8×8 image, upsampled ×1 into the centre of a 16×16 grid. */
    static final Encoder ENCODER = (features, offset, rows, cols, item) -> {
        item.clear();
        int ox = (item.nx() - cols) / 2;
        int oy = (item.ny() - rows) / 2;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                item.set(item.index(0, oy + y, ox + x), features[offset + y * cols + x], 0);
            }
        }
    };

    static int[] sizes(Params p) {
        int[] s = new int[p.layerCount()];
        for (int l = 0; l < s.length; l++) {
            s[l] = p.layer(l).length;
        }
        return s;
    }

    @Test
    void inSilicoGradientWithCrossEntropyMatchesFiniteDifference() {
        DiffractiveNetwork net = TestNetworks.phase(3);
        Dataset d = corners(5, 1);
        Batch batch = new Batch(d.features(), d.labels(), 8, 8);
        InSilicoMethod m = new InSilicoMethod(net, ENCODER, SoftmaxCrossEntropy.normalised(10), 5, Precision.DOUBLE);
        Params p = net.randomParams(4, 2 * Math.PI);
        StepResult r = m.step(p, batch);
        Params g = new Params(r.gradients()).copy();
        SplittableRandom rnd = new SplittableRandom(9);
        Params dir = p.zerosLike();
        double an = 0;
        for (int l = 0; l < p.layerCount(); l++) {
            for (int i = 0; i < p.layer(l).length; i++) {
                dir.layer(l)[i] = rnd.nextDouble(-1, 1);
                an += dir.layer(l)[i] * g.layer(l)[i];
            }
        }
        double h = 1e-5;
        double lp = m.step(shift(p, dir, h), batch).loss();
        double lm = m.step(shift(p, dir, -h), batch).loss();
        double fd = (lp - lm) / (2 * h);
        assertTrue(Math.abs(fd - an) <= 1e-6 * Math.abs(fd), "fd " + fd + " vs analytic " + an);
        assertEquals(m.step(p, batch).loss(), m.evaluate(p, batch).loss(), 0.0);
    }

    static Params shift(Params p, Params d, double h) {
        Params q = p.copy();
        for (int l = 0; l < q.layerCount(); l++) {
            for (int i = 0; i < q.layer(l).length; i++) {
                q.layer(l)[i] += h * d.layer(l)[i];
            }
        }
        return q;
    }

    Trainer.Result run(Path ckpt, TrainingState from, int epochs) {
        DiffractiveNetwork net = TestNetworks.phase(2);
        Params init = net.randomParams(7, 0.5);
        InSilicoMethod m = new InSilicoMethod(net, ENCODER, SoftmaxCrossEntropy.normalised(10), 8, Precision.SINGLE);
        Adam adam = new Adam(sizes(init), LearningRateSchedule.constant(0.05));
        Trainer t = new Trainer(m, adam, new Trainer.Settings(epochs, 8, 42, 3, 8), ckpt, null);
        return t.train(corners(60, 2), corners(40, 3), from == null ? t.initialState(init) : from);
    }

    @Test
    void trainsAboveChanceAndResumesBitIdentically(@TempDir Path dir) throws Exception {
        Trainer.Result full = run(dir.resolve("a.ckpt"), null, 3);
        assertTrue(full.testAccuracy() > 0.5, "test accuracy " + full.testAccuracy() + " (chance 0.25)");
        // a run stopped after 2 epochs, then continued from its checkpoint to 3 epochs
        Path b = dir.resolve("b.ckpt");
        run(b, null, 2);
        TrainingState mid = Checkpoints.read(b);
        assertEquals(2, mid.epoch());
        Trainer.Result resumed = run(b, mid, 3);
        assertTrue(full.params().sameValues(resumed.params()), "resumed parameters differ");
        for (int e = 0; e < 3; e++) {
            EpochMetrics x = full.history().get(e);
            EpochMetrics y = resumed.history().get(e);
            assertEquals(x.trainLoss(), y.trainLoss(), 0.0);
            assertEquals(x.testAccuracy(), y.testAccuracy(), 0.0);
        }
    }

    @Test
    void checkpointRoundTripsExactly(@TempDir Path dir) throws Exception {
        run(dir.resolve("c.ckpt"), null, 1);
        TrainingState s = Checkpoints.read(dir.resolve("c.ckpt"));
        Checkpoints.write(s, dir.resolve("d.ckpt"));
        TrainingState t = Checkpoints.read(dir.resolve("d.ckpt"));
        assertTrue(s.params().sameValues(t.params()));
        assertTrue(s.optimizer().sameAs(t.optimizer()));
        assertEquals(s.history(), t.history());
        java.nio.file.Files.write(dir.resolve("e.ckpt"), java.util.Arrays.copyOf(
                java.nio.file.Files.readAllBytes(dir.resolve("d.ckpt")), 100));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Checkpoints.read(dir.resolve("e.ckpt")));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
