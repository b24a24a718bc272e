package org.phasor.bench;

/**
 * Setting of the holography reference arm: blocked, or open with a programmed phase shift (radians, e.g. a
 * piezo mirror). The reference is a plane wave; its amplitude is measured, not assumed (see {@link Holography}).
 */
public record ReferenceArm(boolean open, double phase) {
    public static final ReferenceArm BLOCKED = new ReferenceArm(false, 0);

    public static ReferenceArm at(double phase) {
        return new ReferenceArm(true, phase);
    }
}
