package org.phasor.bench;

/**
 * Setting of the holography reference arm: blocked, or open with a programmed phase shift (radians, e.g. a
 * piezo mirror) behind a calibrated attenuator of intensity transmission {@code transmission} in (0, 1] (a
 * half-wave plate and polariser, or an ND wheel). The reference is a plane wave; its full intensity is
 * measured, not assumed (see {@link Holography}); the attenuator scales it by a known factor.
 */
public record ReferenceArm(boolean open, double phase, double transmission) {
    public static final ReferenceArm BLOCKED = new ReferenceArm(false, 0, 1);

    public ReferenceArm {
        if (!(transmission > 0 && transmission <= 1)) {
            throw new IllegalArgumentException("reference arm transmission must be in (0, 1], got " + transmission);
        }
    }

    /** Open, unattenuated, at {@code phase}. */
    public static ReferenceArm at(double phase) {
        return new ReferenceArm(true, phase, 1);
    }

    /** Open at {@code phase} behind an attenuator of intensity transmission {@code transmission}. */
    public static ReferenceArm at(double phase, double transmission) {
        return new ReferenceArm(true, phase, transmission);
    }

    /** Amplitude factor of the attenuator, √transmission. */
    public double amplitude() {
        return Math.sqrt(transmission);
    }
}
