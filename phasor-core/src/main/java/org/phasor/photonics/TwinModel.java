package org.phasor.photonics;

/**
 * A digital twin of a chip that trainers can program with heater <i>commands</i> (what the chip is sent) and
 * differentiate: {@link #program} maps commands to the phases the twin believes the heaters produce, and
 * {@link #settingsGradient} turns ∂L/∂phases (from a {@link NetworkPass} error pass on the twin) into
 * ∂L/∂commands. The nominal {@link PhotonicModel} believes phase = command; a {@link CalibratedModel} uses a
 * heater response fitted to measurements.
 */
public interface TwinModel extends CoreAccess {
    /** Sets the heater commands of a core. */
    void program(int core, double[] commands);

    /** ∂L/∂commands of core {@code core} at the last programmed commands, from ∂L/∂phases (a new array or the input). */
    double[] settingsGradient(int core, double[] gPhase);
}
