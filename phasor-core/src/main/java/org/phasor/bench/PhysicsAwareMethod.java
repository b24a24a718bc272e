package org.phasor.bench;

import org.phasor.math.ComplexArray;
import org.phasor.model.NetworkWorkspace;
import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The {@code pat} gradient method (physics-aware training, Wright et al., Nature 601, 549 (2022)): the forward
 * pass runs on the bench, the backward pass through the digital model. The loss and ∂L/∂E are those of the
 * intensities the bench really produced; the model supplies the Jacobian (its own fields at the same parameters),
 * so the error field is e = (∂L/∂I)_bench·conj(o_model). Cheap on the bench (one pass and one frame per sample)
 * but only as good as the model's Jacobian of the real system. Linear networks only (the bench's forward pass
 * is one launch).
 */
public final class PhysicsAwareMethod implements GradientMethod {
    private final BenchClassifier classifier;
    private final NetworkWorkspace ws;
    private final org.phasor.model.Encoder encoder;
    private final Params grad;

    public PhysicsAwareMethod(BenchClassifier classifier, NetworkWorkspace workspace, org.phasor.model.Encoder encoder) {
        this.classifier = classifier;
        this.ws = workspace;
        this.encoder = encoder;
        this.grad = ws.network().identityParams().zerosLike();
        for (int l = 1; l <= ws.network().layerCount(); l++) {
            if (!ws.network().layer(l).activation().isIdentity()) {
                throw new IllegalArgumentException("pat supports linear networks only (layer " + l + " has activation '"
                        + ws.network().layer(l).activation().name() + "')");
            }
        }
    }

    @Override
    public String name() {
        return "pat";
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        int n = batch.size();
        // bench forward: what the hardware really outputs
        EvalResult bench = classifier.evaluate(params, batch);
        int classes = bench.classes();
        double[] dLdE = new double[n * classes];
        double l = classifier.loss().lossAndGradient(bench.scores(), n, classes, batch.labels(), dLdE);
        // model backward at the same parameters
        ws.setBatchSize(n);
        ws.setParams(params);
        ComplexArray in = ws.input();
        int sample = batch.rows() * batch.cols();
        IntStream.range(0, n).parallel().forEach(b ->
                encoder.encode(batch.features(), b * sample, batch.rows(), batch.cols(), in.item(b)));
        ws.forwardRecording();
        ws.network().readout().errorField(ws.output(), n, dLdE, ws.errorField());
        for (double[] g : grad.layers()) {
            Arrays.fill(g, 0);
        }
        ws.transposePass(false, grad);
        return new StepResult(l, grad.layers(), bench.correct(), n, new Cost(n, n, bench.cost().frames()));
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        return classifier.evaluate(params, batch);
    }
}
