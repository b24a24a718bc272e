package org.phasor.benchmarks;

import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackend;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.data.ImageEncoder;
import org.phasor.model.Params;
import org.phasor.model.PhaseModulation;
import org.phasor.model.Readout;
import org.phasor.optics.Grid;
import org.phasor.optics.propagation.FreeSpace;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;
import org.phasor.train.Batch;
import org.phasor.train.InSilicoMethod;
import org.phasor.train.StepResult;
import org.phasor.train.loss.SoftmaxCrossEntropy;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One training step of the real stack: org.phasor.model's {@link DiffractiveNetwork} (phase layers, band-limited
 * ASM {@link FreeSpace} from org.phasor.optics.propagation), the {@link InSilicoMethod} gradient (forward, softmax
 * cross-entropy over 10 detector regions in a 3-4-3 layout, transpose pass, gradient accumulation) and an Adam
 * update. Inputs are random 28×28 images, amplitude-encoded and upsampled to fill the grid. Same geometry and
 * the same 6 + 5 propagations as {@link D2nnKernelStep} and the Python peers; only the loss differs (it is a
 * negligible part of the step).
 */
public final class ModelTrainingStep {
    private final InSilicoMethod method;
    private final Adam adam;
    private final Params params;
    private final Batch batch;

    public ModelTrainingStep(FftBackend backend, Precision precision, int n, int layers, int batchSize, long seed) {
        Grid g = BenchFixtures.grid(n);
        Propagator prop = new Propagator(backend, Propagator.STDERR);
        List<DiffractiveNetwork.Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(new DiffractiveNetwork.Layer(prop.freeSpace(g, BenchFixtures.DISTANCE, Method.BL_ASM, 1),
                    PhaseModulation.INSTANCE, null));
        }
        FreeSpace out = prop.freeSpace(g, BenchFixtures.DISTANCE, Method.BL_ASM, 1);
        DiffractiveNetwork net = new DiffractiveNetwork(g, ls, out, readout343(n));
        int up = n / 28;
        method = new InSilicoMethod(net, ImageEncoder.amplitude(28 * up)::encode,
                new SoftmaxCrossEntropy(10, true), batchSize, precision);
        params = net.randomParams(seed, 2 * Math.PI);
        int[] sizes = new int[layers];
        for (int l = 0; l < layers; l++) {
            sizes[l] = params.layer(l).length;
        }
        adam = new Adam(sizes, LearningRateSchedule.constant(0.05));
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        float[] features = new float[batchSize * 28 * 28];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) rnd.nextDouble();
        }
        int[] labels = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            labels[b] = rnd.nextInt(10);
        }
        batch = new Batch(features, labels, 28, 28);
    }

    /** Forward, loss, exact gradient and an Adam update; returns the loss. */
    public double step() {
        StepResult r = method.step(params, batch);
        adam.step(params.layers(), r.gradients());
        return r.loss();
    }

    /** Ten square detectors (side n/12) in rows of 3, 4 and 3, centred on the output grid. */
    static Readout readout343(int n) {
        int s = Math.max(1, n / 12);
        List<Readout.Region> regions = new ArrayList<>();
        int[] perRow = {3, 4, 3};
        for (int row = 0; row < 3; row++) {
            int y = n / 2 + (row - 1) * 2 * s - s / 2;
            for (int k = 0; k < perRow[row]; k++) {
                int x = n / 2 + (int) Math.round((k - (perRow[row] - 1) / 2.0) * 2 * s) - s / 2;
                regions.add(new Readout.Region(x, y, s, s));
            }
        }
        return new Readout(n, n, regions);
    }
}
