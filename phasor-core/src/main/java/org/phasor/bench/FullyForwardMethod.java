package org.phasor.bench;

import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;

/**
 * The {@code ffm} gradient method: every gradient measured on the bench by {@link FullyForward}; no model, no
 * adjoint. Parameters are the wanted phases of each modulator pixel (radians); the measured calibration maps them
 * to device levels and maps the measured gradient back to modulator pixels.
 */
public final class FullyForwardMethod implements GradientMethod {
    private final BenchClassifier classifier;
    private final FullyForward ffm;

    public FullyForwardMethod(BenchClassifier classifier, FullyForward ffm) {
        this.classifier = classifier;
        this.ffm = ffm;
    }

    @Override
    public String name() {
        return "ffm";
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        int n = batch.size();
        classifier.program(params);
        FullyForward.Result r = ffm.gradient(classifier.encode(batch), classifier.objective(batch.labels()));
        double[] e = classifier.energies(r.intensity(), n);
        int correct = classifier.correct(e, batch.labels(), n);
        return new StepResult(r.loss(), r.gradient(), correct, n,
                new Cost(r.dataPass().passes(), r.errorPass().passes(), r.cost().frames()));
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        return classifier.evaluate(params, batch);
    }
}
