package org.phasor.sim.experiment;

import org.phasor.bench.CreepFollowing;
import org.phasor.bench.ExposureControl;
import org.phasor.bench.Holography;
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
 * @param followCreep      after each re-registration, move each mask to follow its panel's creep since training
 *                         began ({@link org.phasor.bench.BenchCalibration#following}; by whole pixels or by the
 *                         creep itself), so a panel that creeps for hours does not carry its mask away from the
 *                         rest of the bench
 * @param maxExposure      1: every holographic measurement at the camera's nominal exposure with the full
 *                         reference; above 1: {@link ExposureControl#auto exposure control} up to this multiple
 *                         of the nominal exposure (weak fields measured with more photons, more camera time)
 * @param keepInRange      start every bench-trained method (FFM, PAT, the exact twin) from its phases moved into
 *                         each modulator's measured range and clamp them there after every step, so no pixel's
 *                         drive ever jumps across the device's wrap (which the crosstalk blur smears onto its
 *                         neighbours: a cliff in the loss that no gradient sees)
 */
public record FfmProcedure(int holographySteps, boolean trackEach, int recalibrateEvery, int registerEvery,
                           CreepFollowing followCreep, double maxExposure, boolean keepInRange) {

    public FfmProcedure {
        PhaseShifting.requireSteps(holographySteps);
        java.util.Objects.requireNonNull(followCreep, "creep following");
        if (recalibrateEvery < 0 || registerEvery < 0) {
            throw new IllegalArgumentException("re-calibration / re-registration intervals must be ≥ 0 steps, got "
                    + recalibrateEvery + " / " + registerEvery);
        }
        exposureControl(maxExposure); // validates
    }

    private static ExposureControl exposureControl(double maxExposure) {
        if (!(maxExposure >= 1 && maxExposure <= 1024)) {
            throw new IllegalArgumentException("max exposure must be in [1, 1024] times the nominal one, got " + maxExposure);
        }
        return maxExposure == 1 ? ExposureControl.FIXED : ExposureControl.auto(maxExposure);
    }

    /** The holography this procedure measures with, for a bench of {@code planes} planes. */
    public Holography holography(int planes) {
        return new Holography(holographySteps, planes, trackEach, exposureControl(maxExposure));
    }

    /** Masks that stay on their pixels. */
    public FfmProcedure(int holographySteps, boolean trackEach, int recalibrateEvery, int registerEvery) {
        this(holographySteps, trackEach, recalibrateEvery, registerEvery, CreepFollowing.OFF, 1, false);
    }

    public FfmProcedure withHolographySteps(int steps) {
        return new FfmProcedure(steps, trackEach, recalibrateEvery, registerEvery, followCreep, maxExposure, keepInRange);
    }

    public FfmProcedure withReferenceTracking(boolean each) {
        return new FfmProcedure(holographySteps, each, recalibrateEvery, registerEvery, followCreep, maxExposure, keepInRange);
    }

    public FfmProcedure withRecalibration(int recalibrate, int register) {
        return new FfmProcedure(holographySteps, trackEach, recalibrate, register, followCreep, maxExposure, keepInRange);
    }

    public FfmProcedure withCreepFollowing(CreepFollowing follow) {
        return new FfmProcedure(holographySteps, trackEach, recalibrateEvery, registerEvery, follow, maxExposure, keepInRange);
    }

    public FfmProcedure withKeepInRange(boolean keep) {
        return new FfmProcedure(holographySteps, trackEach, recalibrateEvery, registerEvery, followCreep, maxExposure, keep);
    }

    public FfmProcedure withMaxExposure(double max) {
        return new FfmProcedure(holographySteps, trackEach, recalibrateEvery, registerEvery, followCreep, max, keepInRange);
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
        switch (followCreep) {
            case WHOLE_PIXELS -> s.append(", masks follow the creep by whole pixels");
            case SUB_PIXEL -> s.append(", masks follow the creep to a fraction of a pixel");
            case OFF -> { }
        }
        if (keepInRange) {
            s.append(", phases kept in each SLM's measured range (no wraps)");
        }
        if (maxExposure > 1) {
            s.append(", exposure and reference set per measurement (up to ").append(fmt(maxExposure)).append("× the nominal exposure)");
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Whether the calibration is ever re-measured during training. */
    public boolean recalibrates() {
        return recalibrateEvery + registerEvery > 0;
    }
}
