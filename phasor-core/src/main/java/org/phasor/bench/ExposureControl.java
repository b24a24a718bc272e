package org.phasor.bench;

/**
 * How {@link Holography} sets the camera exposure and the reference attenuator for a measurement.
 *
 * <p>Shot noise on a field measured by phase stepping is set by the photo-electrons collected, not by the
 * reference's strength once the reference dominates: σ(u) ≈ √(2/(gain·exposure))/4 per quadrature, whatever |u|.
 * A weak field (the FFM error pass, a dim output) is therefore measured far worse, relative to itself, than a
 * bright one, until the exposure grows. The limit is the camera's full scale: the brightest fringe (|r| + |u|)²
 * must stay under it. So the rule is: the longest exposure up to {@code maxExposure} at which a reference no
 * brighter than the field keeps that fringe under {@code fill} of full scale, then the brightest reference (at
 * most unattenuated) that still does.
 *
 * @param maxExposure longest exposure, relative to the nominal one; 1 with {@code fill} 0 is {@link #FIXED}
 * @param fill        fraction of the full scale the brightest fringe is aimed at (head-room for the next batch's
 *                    brighter items and for noise), in (0, 1)
 */
public record ExposureControl(double maxExposure, double fill) {
    /** Nominal exposure and an unattenuated reference for every measurement (no control). */
    public static final ExposureControl FIXED = new ExposureControl(1, 0);

    /** Shortest exposure a retake goes down to, relative to the nominal one. */
    private static final double MIN_EXPOSURE = 1.0 / 64;
    /** Strongest attenuation of the reference (an ND 4 filter). */
    private static final double MIN_TRANSMISSION = 1e-4;

    public ExposureControl {
        boolean fixed = maxExposure == 1 && fill == 0;
        if (!fixed && !(maxExposure >= 1 && maxExposure <= 1024 && fill > 0 && fill < 1)) {
            throw new IllegalArgumentException("exposure control: max exposure must be in [1, 1024] and fill in (0, 1), got "
                    + maxExposure + " and " + fill);
        }
    }

    /** Control up to {@code maxExposure} times the nominal exposure, aiming the brightest fringe at half full scale. */
    public static ExposureControl auto(double maxExposure) {
        return new ExposureControl(maxExposure, 0.5);
    }

    /** Whether this controls anything (not {@link #FIXED}). */
    public boolean active() {
        return fill > 0;
    }

    double minExposure() {
        return MIN_EXPOSURE;
    }

    /** One measurement's camera exposure (relative) and reference transmission (intensity). */
    public record Setting(double exposure, double transmission) {
        public static final Setting NOMINAL = new Setting(1, 1);

        Setting withExposure(double e) {
            return new Setting(e, transmission);
        }
    }

    /**
     * The setting for a field whose brightest |u|² was {@code peak} last time, with the reference reading
     * {@code reference} (|r|², unattenuated) and the camera clipping at {@code fullScale} at exposure 1.
     */
    public Setting choose(double peak, double reference, double fullScale) {
        if (!active()) {
            return Setting.NOMINAL;
        }
        double a = Math.sqrt(Math.max(peak, 0));
        double r1 = Math.sqrt(reference);
        double budget = fill * fullScale; // the brightest fringe times the exposure may reach this
        double matched = Math.min(a, r1);  // a reference as bright as the field (or the whole reference)
        double e = Math.clamp(budget / ((matched + a) * (matched + a)), MIN_EXPOSURE, maxExposure);
        double r = Math.min(r1, Math.sqrt(budget / e) - a);
        double t = r > 0 ? Math.clamp(r * r / reference, MIN_TRANSMISSION, 1) : MIN_TRANSMISSION;
        return new Setting(e, t);
    }
}
