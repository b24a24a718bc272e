package org.phasor.sim;

import org.phasor.bench.BenchTask;
import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;

/**
 * A diagnostic, not a lab method: gradient descent with the <em>exact</em> gradient of the simulated bench itself
 * (its hidden spacings, placements, aberrations, SLM response and crosstalk, illumination; noise-free camera),
 * computed by the simulator's own adjoint ({@link SimulatedBench#exactGradient}). It answers one question a lab
 * cannot: how well can <em>this hardware</em> be trained at all? FFM, PAT and PSO are judged against it (the gap
 * between it and FFM is what FFM's measurement and gradient mapping lose; the gap between it and the ideal
 * simulation is what the hardware itself cannot do). It lives in phasor-sim because it reads the imperfections;
 * no phasor-core trainer can reach it.
 *
 * <p>Parameters are wanted phases mapped to levels by the task's (measured) calibration, as for FFM; the level
 * quantisation is passed straight through (∂φ_driven/∂φ_wanted = 1). Evaluation is the task's, on the bench
 * with its real camera, like every other method.
 */
public final class ExactTwinMethod implements GradientMethod {
    private final BenchTask task;
    private final SimulatedBench bench;

    /** @param task a task on {@code bench} (it programs and evaluates); linear networks only */
    public ExactTwinMethod(BenchTask task, SimulatedBench bench) {
        this.task = task;
        this.bench = bench;
    }

    @Override
    public String name() {
        return "exact-twin";
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        task.program(params);
        SimulatedBench.ExactGradient g = bench.exactGradient(task.encode(batch), task.objective(batch));
        int correct = task.correct(g.intensity(), batch);
        return new StepResult(g.loss(), task.parameterGradient(g.gradient()), correct, batch.size(), Cost.ZERO);
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        return task.evaluate(params, batch);
    }
}
