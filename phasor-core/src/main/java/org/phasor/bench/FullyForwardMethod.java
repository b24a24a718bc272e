package org.phasor.bench;

import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;

/**
 * The {@code ffm} gradient method: every gradient measured on the bench by {@link FullyForward}; no model, no
 * adjoint, for any {@link BenchTask}. Parameters are the wanted phases of each modulator pixel (radians); the measured calibration maps them
 * to device levels and maps the measured gradient back to modulator pixels.
 */
public final class FullyForwardMethod implements GradientMethod {
    private final BenchTask task;
    private final FullyForward ffm;

    public FullyForwardMethod(BenchTask task, FullyForward ffm) {
        this.task = task;
        this.ffm = ffm;
    }

    @Override
    public String name() {
        return "ffm";
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        int n = batch.size();
        task.program(params);
        FullyForward.Result r = ffm.gradient(task.encode(batch), task.objective(batch));
        int correct = task.correct(r.intensity(), batch);
        return new StepResult(r.loss(), task.parameterGradient(r.gradient()), correct, n,
                new Cost(r.dataPass().passes(), r.errorPass().passes(), r.cost().frames()));
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        return task.evaluate(params, batch);
    }
}
