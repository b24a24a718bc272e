package org.phasor.bench;

/**
 * Whether, and how, a bench method moves its masks to follow panels that creep during training
 * ({@link RecalibratingMethod}, {@link BenchCalibration#following}).
 */
public enum CreepFollowing {
    /** Masks stay on the pixels they were trained on and creep along with their panels. */
    OFF(Double.NaN),
    /** Masks move by whole pixels, with a hysteresis of {@value RecalibratingMethod#HYSTERESIS_PX} px. */
    WHOLE_PIXELS(RecalibratingMethod.HYSTERESIS_PX),
    /** Masks move by the measured creep, fractions of a pixel interpolated ({@link Placement}). */
    SUB_PIXEL(0);

    private final double hysteresis;

    CreepFollowing(double hysteresis) {
        this.hysteresis = hysteresis;
    }

    /** The {@link Placement#following} hysteresis, pixels (0: sub-pixel; not defined for {@link #OFF}). */
    public double hysteresis() {
        if (this == OFF) {
            throw new IllegalStateException("masks do not follow the creep");
        }
        return hysteresis;
    }
}
