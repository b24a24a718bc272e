package org.phasor.sim.experiment;

import org.phasor.bench.PhaseShifting;

/**
 * How FFM training measures on the bench: the lab procedure, separate from the network and the schedule, so the
 * reproduction can compare procedures with everything else fixed.
 *
 * @param holographySteps  3 or 4 phase steps per holographic measurement
 * @param trackEach        re-measure the reference phase before every holographic measurement (not only once per step)
 * @param recalibrateEvery re-measure the bench calibration every this many steps (0 = only before training): the
 *                         registration the gradients are mapped through goes stale as the bench drifts
 * @param registerEvery    re-register the modulators (response kept) every this many steps in between (0 = never)
 * @param followCreep      after each re-registration, move each mask by whole pixels to follow its panel's creep
 *                         since training began ({@link org.phasor.bench.BenchCalibration#following}), so a
 *                         panel that creeps for hours does not carry its mask away from the rest of the bench
 */
public record FfmProcedure(int holographySteps, boolean trackEach, int recalibrateEvery, int registerEvery,
                           boolean followCreep) {

    public FfmProcedure {
        PhaseShifting.requireSteps(holographySteps);
        if (recalibrateEvery < 0 || registerEvery < 0) {
            throw new IllegalArgumentException("re-calibration / re-registration intervals must be ≥ 0 steps, got "
                    + recalibrateEvery + " / " + registerEvery);
        }
    }

    /** Masks that stay on their pixels. */
    public FfmProcedure(int holographySteps, boolean trackEach, int recalibrateEvery, int registerEvery) {
        this(holographySteps, trackEach, recalibrateEvery, registerEvery, false);
    }

    public FfmProcedure withHolographySteps(int steps) {
        return new FfmProcedure(steps, trackEach, recalibrateEvery, registerEvery, followCreep);
    }

    public FfmProcedure withReferenceTracking(boolean each) {
        return new FfmProcedure(holographySteps, each, recalibrateEvery, registerEvery, followCreep);
    }

    public FfmProcedure withRecalibration(int recalibrate, int register) {
        return new FfmProcedure(holographySteps, trackEach, recalibrate, register, followCreep);
    }

    public FfmProcedure withCreepFollowing(boolean follow) {
        return new FfmProcedure(holographySteps, trackEach, recalibrateEvery, registerEvery, follow);
    }

    /**
     * The procedure in words, for reports: e.g. "3-step holography, reference phase re-measured before every
     * measurement, re-calibrated every 50 steps, re-registered every 5 steps, masks follow the creep by whole pixels" (only the parts that are on).
     */
    public String summary() {
        StringBuilder s = new StringBuilder(holographySteps + "-step holography");
        if (trackEach) {
            s.append(", reference phase re-measured before every measurement");
        }
        if (recalibrateEvery > 0) {
            s.append(", re-calibrated every ").append(recalibrateEvery).append(" steps");
        }
        if (registerEvery > 0) {
            s.append(", re-registered every ").append(registerEvery).append(" steps");
        }
        if (followCreep) {
            s.append(", masks follow the creep by whole pixels");
        }
        return s.toString();
    }

    /** Whether the calibration is ever re-measured during training. */
    public boolean recalibrates() {
        return recalibrateEvery + registerEvery > 0;
    }
}
