package org.phasor.bench;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.model.Encoder;
import org.phasor.model.Params;
import org.phasor.model.Readout;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.loss.ClassificationLoss;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Classification on a bench, shared by every bench method: encode a batch of samples onto the input modulator,
 * program the phases through the measured calibration, capture the output frame, integrate the detector
 * regions, and evaluate the loss — or turn the loss into ∂L/∂I for FFM. Deployment of an in-silico design is
 * {@link #evaluate} with the designed phases.
 */
public final class BenchClassifier implements BenchTask {
    private final Bench bench;
    private final BenchCalibration calibration;
    private final Encoder encoder;
    private final Readout readout;
    private final ClassificationLoss loss;
    private final BenchDescription d;

    public BenchClassifier(Bench bench, BenchCalibration calibration, Encoder encoder, Readout readout,
                           ClassificationLoss loss) {
        this.bench = bench;
        this.calibration = calibration;
        this.encoder = encoder;
        this.readout = readout;
        this.loss = loss;
        this.d = bench.describe();
        if (readout.nx() != d.nx() || readout.ny() != d.ny()) {
            throw new IllegalArgumentException("readout is " + readout.nx() + "x" + readout.ny() + ", bench camera is "
                    + d.nx() + "x" + d.ny());
        }
    }

    public Bench bench() {
        return bench;
    }

    public BenchCalibration calibration() {
        return calibration;
    }

    public Readout readout() {
        return readout;
    }

    public ClassificationLoss loss() {
        return loss;
    }

    /** Programs every modulator with the levels closest to {@code params} (phases in radians). */
    @Override
    public void program(Params params) {
        for (int m = 1; m <= d.modulators(); m++) {
            bench.program(m, calibration.levels(m, params.layer(m - 1), d.nx(), d.ny()));
        }
    }

    /** The batch's samples as input fields on the bench's input plane. */
    @Override
    public ComplexFrames encode(Batch batch) {
        int n = batch.size();
        ComplexArray in = ComplexArray.zeros(Precision.DOUBLE, n, d.ny(), d.nx());
        int sample = batch.rows() * batch.cols();
        IntStream.range(0, n).parallel().forEach(b ->
                encoder.encode(batch.features(), b * sample, batch.rows(), batch.cols(), in.item(b)));
        return ComplexFrames.of(in);
    }

    /** Detector energies {@code [b * classes + c]} from camera intensities. */
    public double[] energies(double[] intensity, int batch) {
        int classes = readout.classes();
        double[] e = new double[batch * classes];
        for (int b = 0; b < batch; b++) {
            int base = b * d.planeSize();
            for (int c = 0; c < classes; c++) {
                Readout.Region r = readout.regions().get(c);
                double s = 0;
                for (int y = r.y0(); y < r.y0() + r.height(); y++) {
                    for (int x = r.x0(); x < r.x0() + r.width(); x++) {
                        s += intensity[base + y * d.nx() + x];
                    }
                }
                e[b * classes + c] = s;
            }
        }
        return e;
    }

    /** The classification loss as a loss of output intensities (for FFM): ∂L/∂I_p = ∂L/∂E_c on region c. */
    public IntensityObjective objective(int[] labels) {
        return (intensity, batch, pixels, dLdI) -> {
            int classes = readout.classes();
            double[] e = energies(intensity, batch);
            double[] dLdE = new double[batch * classes];
            double l = loss.lossAndGradient(e, batch, classes, labels, dLdE);
            Arrays.fill(dLdI, 0, batch * pixels, 0);
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < classes; c++) {
                    Readout.Region r = readout.regions().get(c);
                    double g = dLdE[b * classes + c];
                    for (int y = r.y0(); y < r.y0() + r.height(); y++) {
                        for (int x = r.x0(); x < r.x0() + r.width(); x++) {
                            dLdI[b * pixels + y * d.nx() + x] += g;
                        }
                    }
                }
            }
            return l;
        };
    }

    @Override
    public IntensityObjective objective(Batch batch) {
        return objective(batch.labels());
    }

    @Override
    public int correct(double[] intensity, Batch batch) {
        return correct(energies(intensity, batch.size()), batch.labels(), batch.size());
    }

    /** Number of correct predictions among the energies. */
    public int correct(double[] energies, int[] labels, int n) {
        int c = 0;
        for (int b = 0; b < n; b++) {
            c += readout.predict(energies, b) == labels[b] ? 1 : 0;
        }
        return c;
    }

    /** Inference as deployed: program, launch, capture the output frame (one pass and one frame per sample). */
    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        program(params);
        int n = batch.size();
        BenchCost before = bench.cost();
        bench.setReference(ReferenceArm.BLOCKED);
        Frames f = bench.capture(Injection.inputs(encode(batch)), d.outputPlane());
        double[] e = energies(f.values(), n);
        int classes = readout.classes();
        double l = loss.lossAndGradient(e, n, classes, batch.labels(), new double[n * classes]);
        int[] pred = new int[n];
        int correct = 0;
        for (int b = 0; b < n; b++) {
            pred[b] = readout.predict(e, b);
            correct += pred[b] == batch.labels()[b] ? 1 : 0;
        }
        BenchCost c = bench.cost().minus(before);
        return new EvalResult(l, correct, n, pred, e, classes, new Cost(c.passes(), 0, c.frames()));
    }
}
