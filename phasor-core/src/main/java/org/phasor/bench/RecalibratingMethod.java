package org.phasor.bench;

import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;

import java.util.function.Function;

/**
 * A bench method that re-runs the bench's calibration procedures (SLM response and camera↔modulator
 * registration, {@link BenchCalibration#measure}) every {@code every} training steps, as a lab re-registers a
 * bench that creeps with time. A method like FFM maps its measured gradients to modulator pixels through the
 * registration; a registration measured hours of camera time ago points those gradients at the wrong pixels.
 * The frames spent re-measuring are added to the step that triggered them, so the bench cost stays honest.
 *
 * <p>The method is rebuilt from {@code factory} with each new calibration (bench methods only hold references).
 * The step count starts at zero with this object (a resumed run re-calibrates on its own schedule).
 */
public final class RecalibratingMethod implements GradientMethod {
    private final Bench bench;
    private final Holography holo;
    private final int stride;
    private final int search;
    private final int every;
    private final Function<BenchCalibration, GradientMethod> factory;
    private GradientMethod current;
    private long steps;

    /**
     * @param initial the calibration measured before training
     * @param stride  level sampling of the response measurement (as in {@link BenchCalibration#measure})
     * @param search  registration search radius in pixels
     * @param every   training steps between calibrations (≥ 1)
     */
    public RecalibratingMethod(Bench bench, Holography holo, int stride, int search, int every,
                               BenchCalibration initial, Function<BenchCalibration, GradientMethod> factory) {
        if (every < 1) {
            throw new IllegalArgumentException("re-calibration interval must be ≥ 1 step, got " + every);
        }
        this.bench = bench;
        this.holo = holo;
        this.stride = stride;
        this.search = search;
        this.every = every;
        this.factory = factory;
        this.current = factory.apply(initial);
    }

    @Override
    public String name() {
        return current.name();
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        Cost extra = Cost.ZERO;
        if (steps > 0 && steps % every == 0) {
            BenchCalibration cal = BenchCalibration.measure(bench, holo, stride, search);
            current.close();
            current = factory.apply(cal);
            extra = new Cost(cal.cost().passes(), 0, cal.cost().frames());
        }
        steps++;
        StepResult r = current.step(params, batch);
        return new StepResult(r.loss(), r.gradients(), r.correct(), r.count(), r.cost().plus(extra));
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        return current.evaluate(params, batch);
    }

    @Override
    public void close() {
        current.close();
    }
}
