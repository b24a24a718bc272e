package org.phasor.bench;

/**
 * A modulator's level→phase response as measured (or, for {@link #linear}, as the data sheet claims): the phase
 * delay in radians of each device level relative to level 0, unwrapped, so it increases through the levels and
 * may stop short of 2π. {@link #levelFor} inverts it: the level whose phase is closest, on the circle, to a
 * wanted phase — phases the device cannot reach go to the nearer end of its range.
 *
 * <p>Immutable (a value with a precomputed inverse table, hence a class rather than a record).
 */
public final class PhaseResponse {
    private static final int TABLE = 4096;
    private final double[] phaseOfLevel;
    private final int[] inverse; // phase bin → nearest level

    public PhaseResponse(double[] phaseOfLevel) {
        if (phaseOfLevel.length < 2) {
            throw new IllegalArgumentException("phase response needs at least 2 levels, got " + phaseOfLevel.length);
        }
        this.phaseOfLevel = phaseOfLevel.clone();
        this.inverse = new int[TABLE];
        for (int k = 0; k < TABLE; k++) {
            double want = 2 * Math.PI * (k + 0.5) / TABLE;
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int l = 0; l < phaseOfLevel.length; l++) {
                double d = Math.abs(Math.IEEEremainder(phaseOfLevel[l] - want, 2 * Math.PI));
                if (d < bestD) {
                    bestD = d;
                    best = l;
                }
            }
            inverse[k] = best;
        }
    }

    /** The nominal response: level ℓ of n gives 2π·ℓ/n. */
    public static PhaseResponse linear(int levels) {
        double[] p = new double[levels];
        for (int l = 0; l < levels; l++) {
            p[l] = 2 * Math.PI * l / levels;
        }
        return new PhaseResponse(p);
    }

    public double[] phaseOfLevel() {
        return phaseOfLevel.clone();
    }

    public int levels() {
        return phaseOfLevel.length;
    }

    public double phase(int level) {
        return phaseOfLevel[level];
    }

    /** Phase range covered from the first to the last level, radians. */
    public double range() {
        return phaseOfLevel[phaseOfLevel.length - 1] - phaseOfLevel[0];
    }

    /**
     * {@code phase} moved into this modulator's reach [0, {@link #range}] without changing the level it programs:
     * taken mod 2π, and a phase in the gap beyond the range moved to the gap's nearer end (where {@link #levelFor}
     * sends it anyway). A training that keeps its phases there never asks a pixel to jump across the device's wrap.
     */
    public double intoRange(double phase) {
        double p = phase - 2 * Math.PI * Math.floor(phase / (2 * Math.PI));
        double range = range();
        if (p > range) {
            p = p - range < 2 * Math.PI - p ? range : 0;
        }
        return p;
    }

    /** The level whose phase is closest (mod 2π) to {@code phase}. */
    public int levelFor(double phase) {
        double w = phase / (2 * Math.PI);
        w -= Math.floor(w);
        return inverse[Math.min((int) (w * TABLE), TABLE - 1)];
    }

    /** Levels for a whole mask of phases. */
    public int[] levelsFor(double[] phases) {
        int[] out = new int[phases.length];
        for (int i = 0; i < phases.length; i++) {
            out[i] = levelFor(phases[i]);
        }
        return out;
    }
}
