package org.phasor.photonics.bench;

/**
 * A named, seeded profile of what a fabricated chip and its read-out do differently from the nominal
 * model. All values are per element and drawn independently from the bench seed.
 *
 * @param name              profile name
 * @param couplerSigma      std of the coupler power splitting ratio around ½
 * @param lossDb            mean propagation loss per mesh column and waveguide (dB)
 * @param lossSigmaDb       its spread (dB)
 * @param mirrorSigma       spread of the fold mirror's reflection amplitude and phase
 * @param heaterGainSigma   std of the phase-shifter efficiency (relative)
 * @param heaterOffsetSigma residual phase error per heater after calibration (rad)
 * @param dacBits           heater driver resolution over 2π (0 = continuous)
 * @param crosstalk         thermal crosstalk: fraction of a neighbour's phase seen by a heater
 * @param driftSigma        random-walk step of every heater phase per programming (rad)
 * @param detectorRelNoise  relative (shot-like) noise of a power reading
 * @param detectorAbsNoise  additive noise of a power reading, in units of the unit-power reference
 */
public record ChipImperfections(String name, double couplerSigma, double lossDb, double lossSigmaDb,
                                double mirrorSigma, double heaterGainSigma, double heaterOffsetSigma,
                                int dacBits, double crosstalk, double driftSigma, double detectorRelNoise,
                                double detectorAbsNoise) {

    /** A perfect chip and noiseless detectors. */
    public static final ChipImperfections IDEAL = new ChipImperfections("ideal", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Best-case foundry silicon photonics after calibration: couplers 50 ± 1 %, 0.05 dB per column, 1 %
     * heater efficiency spread, 0.02 rad residual phase error, 12-bit drivers, 1 % crosstalk (with trenches),
     * drift 1e-4 rad per step (a temperature-stabilised chip), 0.1 % detector noise.
     */
    public static final ChipImperfections LOW = new ChipImperfections("low", 0.01, 0.05, 0.02, 0.005,
            0.01, 0.02, 12, 0.01, 1e-4, 1e-3, 1e-4);

    /**
     * Typical lab chip: couplers 50 ± 2 % (measured DC spreads on SOI are 1–5 %), 0.1 ± 0.05 dB per column,
     * 2 % heater efficiency spread, 0.05 rad residual phase error after an imperfect calibration, 10-bit
     * drivers, 3 % thermal crosstalk between neighbouring heaters (no isolation trenches), drift 3e-4 rad per
     * step, 0.3 % detector noise.
     */
    public static final ChipImperfections LAB = new ChipImperfections("lab", 0.02, 0.1, 0.05, 0.01,
            0.02, 0.05, 10, 0.03, 3e-4, 3e-3, 3e-4);

    /**
     * An uncorrected chip: couplers 50 ± 4 %, 0.2 ± 0.1 dB per column, 5 % heater spread, 0.1 rad residual
     * phase error, 8-bit drivers, 5 % crosstalk, drift 1e-3 rad per step, 1 % detector noise.
     */
    public static final ChipImperfections HIGH = new ChipImperfections("high", 0.04, 0.2, 0.1, 0.02,
            0.05, 0.1, 8, 0.05, 1e-3, 1e-2, 1e-3);

    public static ChipImperfections named(String name) {
        return switch (name) {
            case "ideal" -> IDEAL;
            case "low" -> LOW;
            case "lab" -> LAB;
            case "high" -> HIGH;
            default -> throw new IllegalArgumentException("unknown chip imperfection profile '" + name + "' (ideal, low, lab, high)");
        };
    }
}
