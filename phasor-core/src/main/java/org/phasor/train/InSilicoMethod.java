package org.phasor.train;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.Encoder;
import org.phasor.model.NetworkWorkspace;
import org.phasor.model.Params;
import org.phasor.train.loss.ClassificationLoss;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The {@code in-silico} gradient method: the digital model's forward pass and its exact adjoint (the transpose
 * pass of {@link NetworkWorkspace}, ∂L/∂p = 2·Re(v·∂t/∂p·a)). This is the reference every physical method is
 * compared with, and the usual way to design a network that is then deployed on hardware.
 *
 * <p>Owns one workspace for batches of up to {@code maxBatch} samples; {@link #step} returns gradient arrays that
 * it overwrites on the next call.
 */
public final class InSilicoMethod implements GradientMethod {
    private final DiffractiveNetwork net;
    private final Encoder encoder;
    private final ClassificationLoss loss;
    private final NetworkWorkspace ws;
    private final int classes;
    private final double[] energies;
    private final double[] dLdE;
    private final Params grad;

    public InSilicoMethod(DiffractiveNetwork net, Encoder encoder, ClassificationLoss loss, int maxBatch, Precision precision) {
        this.net = net;
        this.encoder = encoder;
        this.loss = loss;
        this.ws = net.workspace(maxBatch, precision);
        this.classes = net.readout().classes();
        this.energies = new double[maxBatch * classes];
        this.dLdE = new double[maxBatch * classes];
        this.grad = net.identityParams().zerosLike();
    }

    @Override
    public String name() {
        return "in-silico";
    }

    public DiffractiveNetwork network() {
        return net;
    }

    /** The workspace holding the fields of the last batch (e.g. for figures of the output plane). */
    public NetworkWorkspace workspace() {
        return ws;
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        int n = forward(params, batch);
        double l = loss.lossAndGradient(energies, n, classes, batch.labels(), dLdE);
        net.readout().errorField(ws.output(), n, dLdE, ws.errorField());
        for (double[] g : grad.layers()) {
            Arrays.fill(g, 0);
        }
        ws.transposePass(false, grad);
        return new StepResult(l, grad.layers(), correct(batch, n), n, new Cost(n, n, 0));
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        int n = forward(params, batch);
        double l = loss.lossAndGradient(energies, n, classes, batch.labels(), dLdE);
        int[] pred = new int[n];
        int correct = 0;
        for (int b = 0; b < n; b++) {
            pred[b] = net.readout().predict(energies, b);
            correct += pred[b] == batch.labels()[b] ? 1 : 0;
        }
        return new EvalResult(l, correct, n, pred, Arrays.copyOf(energies, n * classes), classes, new Cost(n, 0, 0));
    }

    private int forward(Params params, Batch batch) {
        int n = batch.size();
        ws.setBatchSize(n);
        ws.setParams(params);
        ComplexArray in = ws.input();
        int sample = batch.rows() * batch.cols();
        IntStream.range(0, n).parallel().forEach(b ->
                encoder.encode(batch.features(), b * sample, batch.rows(), batch.cols(), in.item(b)));
        ws.forwardRecording();
        net.readout().energies(ws.output(), n, energies);
        return n;
    }

    private int correct(Batch batch, int n) {
        int c = 0;
        for (int b = 0; b < n; b++) {
            c += net.readout().predict(energies, b) == batch.labels()[b] ? 1 : 0;
        }
        return c;
    }
}
