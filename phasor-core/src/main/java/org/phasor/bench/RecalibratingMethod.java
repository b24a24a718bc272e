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
 * <p>Between full calibrations it may re-register only ({@link BenchCalibration#reregistered}: the measured
 * response kept, the camera↔modulator maps measured afresh) every {@code registerEvery} steps — the drift is
 * lateral, and a registration costs 2 holographic measurements per modulator against ~35 for the response.
 *
 * <p>With {@code followCreep} other than {@link CreepFollowing#OFF} the masks move with their panels (by whole
 * pixels or by the measured creep itself): the gradient lands on the parameter that was trained for that place on
 * the bench, not on whatever pixel has crept under it.
 *
 * <p>The method is rebuilt from {@code factory} with each new calibration (bench methods only hold references).
 * The step count starts at zero with this object (a resumed run re-calibrates on its own schedule).
 */
public final class RecalibratingMethod implements GradientMethod {
    /**
     * Pixels of creep beyond the current placement before a mask moves: above ½ so that registration noise
     * (sd ~0.005 px, CalibrationTest) at a half-pixel creep cannot flip it back and forth; the mask then strays at
     * most 0.6 px from where it was trained.
     */
    public static final double HYSTERESIS_PX = 0.6;

    private final Bench bench;
    private final Holography holo;
    private final int stride;
    private final int search;
    private final int every;
    private final int registerEvery;
    private final CreepFollowing followCreep;
    private final BenchCalibration anchor;
    private BenchCalibration calibration;
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
        this(bench, holo, stride, search, every, 0, CreepFollowing.OFF, initial, factory);
    }

    /**
     * @param every         training steps between full calibrations (0 = none after the initial one)
     * @param registerEvery training steps between re-registrations in between (0 = none)
     * @param followCreep   after every re-measurement, move each mask to follow its panel's creep since
     *                      {@code initial} ({@link BenchCalibration#following}): by whole pixels (hysteresis
     *                      {@value #HYSTERESIS_PX} px), by the creep itself, or not at all
     */
    public RecalibratingMethod(Bench bench, Holography holo, int stride, int search, int every, int registerEvery,
                               CreepFollowing followCreep, BenchCalibration initial,
                               Function<BenchCalibration, GradientMethod> factory) {
        if (every < 0 || registerEvery < 0 || every + registerEvery == 0) {
            throw new IllegalArgumentException("re-calibration every " + every + " and re-registration every "
                    + registerEvery + " steps: intervals must be ≥ 0 and not both 0 (≥ 1 step)");
        }
        this.registerEvery = registerEvery;
        this.followCreep = java.util.Objects.requireNonNull(followCreep, "creep following");
        this.anchor = initial;
        this.calibration = initial;
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
        BenchCalibration cal = null;
        if (steps > 0 && every > 0 && steps % every == 0) {
            cal = calibration.remeasured(bench, holo, stride, search);
        } else if (steps > 0 && registerEvery > 0 && steps % registerEvery == 0) {
            cal = calibration.reregistered(bench, holo, search);
        }
        if (cal != null) {
            if (followCreep != CreepFollowing.OFF) {
                BenchDescription d = bench.describe();
                cal = cal.following(anchor, calibration, d.nx(), d.ny(), followCreep.hysteresis());
            }
            calibration = cal;
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
