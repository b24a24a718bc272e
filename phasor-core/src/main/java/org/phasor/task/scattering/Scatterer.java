package org.phasor.task.scattering;

import org.phasor.optics.Grid;
import org.phasor.optics.element.PhaseMask;
import org.phasor.optics.element.ThinScatterer;

/**
 * A thin scattering medium as a seeded Gaussian random phase screen ({@link ThinScatterer}), and how a lab's
 * estimate of it goes wrong.
 *
 * @param name              label in tables ("phase-plate", "tape")
 * @param correlationLength σ of the screen's correlation, metres
 * @param strength          rms phase, radians
 * @param seed              seed of the screen
 */
public record Scatterer(String name, double correlationLength, double strength, long seed) {

    /** A ground-glass-like random phase plate: 40 µm correlation, π rad rms. */
    public static Scatterer phasePlate(long seed) {
        return new Scatterer("phase-plate", 40e-6, Math.PI, seed);
    }

    /** A stronger, finer "transparent tape" scatterer: 15 µm correlation, 2π rad rms. */
    public static Scatterer tape(long seed) {
        return new Scatterer("tape", 15e-6, 2 * Math.PI, seed);
    }

    public ThinScatterer screen(Grid grid) {
        return new ThinScatterer(grid, correlationLength, strength, seed);
    }

    /**
     * What a lab that characterised the medium imperfectly believes it is: the true screen plus an independent
     * error screen of the same correlation length and rms {@code errorRad} (seeded by {@code errorSeed}).
     */
    public PhaseMask misEstimate(Grid grid, double errorRad, long errorSeed) {
        double[] truth = screen(grid).phase();
        double[] err = new ThinScatterer(grid, correlationLength, errorRad, errorSeed).phase();
        for (int i = 0; i < truth.length; i++) {
            truth[i] += err[i];
        }
        return new PhaseMask(grid, truth);
    }
}
