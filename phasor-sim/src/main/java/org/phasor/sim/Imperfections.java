package org.phasor.sim;

/**
 * What a simulated bench gets wrong compared with its nominal description, as a seeded profile. Every number
 * describes a distribution; {@link SimulatedBench} draws one realisation per plane from {@link #seed}, so the
 * same profile and seed give the same bench. Zero means "this imperfection is off". Profiles live in YAML files
 * ({@link Profiles}); see {@code profiles/lab.yaml} for the reasoning behind each lab value.
 *
 * <p>This type lives in phasor-sim, which phasor-core (and so every trainer) cannot depend on.
 *
 * @param seed               seed of every random draw (realisation, camera noise, drift)
 * @param lateralShiftPx     per modulator and axis, a shift drawn uniformly in ±this many pixels (sub-pixel)
 * @param rotationDeg        per modulator, an in-plane rotation drawn uniformly in ±this many degrees
 * @param distanceError      per gap, a relative axial error drawn uniformly in ±this fraction
 * @param phaseRange         phase at the top level as a fraction of 2π (1 = full wave)
 * @param gamma              SLM response curve φ(ℓ) = phaseRange·2π·(ℓ/levels)^gamma
 * @param crosstalkPx        Gaussian σ (pixels) of the blur of the phase pattern by fringing fields
 * @param zernikeRmsRad      per modulator, rms phase (rad) of random Zernike terms Z4..Z8 (defocus, astigmatism, coma)
 * @param illuminationWaist  1/e² intensity radius of the Gaussian beam lighting the input, in half-widths of the
 *                           grid; 0 = flat illumination
 * @param photonsPerUnit     photons per pixel per frame for unit intensity; 0 = noise-free camera
 * @param quantumEfficiency  fraction of photons detected
 * @param readNoiseE         read (dark) noise, electrons rms
 * @param adcBits            ADC resolution over the full well; 0 = no quantisation
 * @param fullWellE          saturation, electrons; 0 = never saturates
 * @param photonCounting     photon-counting camera: Poisson counts only (no read noise, no ADC)
 * @param darkCounts         mean dark counts (thermal electrons, clock-induced charge) per pixel per frame, added
 *                           as Poisson events whatever the light; not subtracted by the camera driver
 * @param driftShiftPxPerRootS lateral random-walk drift of every modulator, pixels per √(camera second)
 * @param driftPhaseRadPerRootS reference-arm phase random walk, radians per √(camera second)
 * @param description        one line naming the profile
 */
public record Imperfections(long seed, double lateralShiftPx, double rotationDeg, double distanceError,
                            double phaseRange, double gamma, double crosstalkPx, double zernikeRmsRad,
                            double illuminationWaist, double photonsPerUnit, double quantumEfficiency,
                            double readNoiseE, int adcBits, double fullWellE, boolean photonCounting, double darkCounts,
                            double driftShiftPxPerRootS, double driftPhaseRadPerRootS, String description) {

    /** A perfect bench: nothing misaligned, a linear full-wave SLM, flat light, a noise-free camera. */
    public static final Imperfections NONE = new Imperfections(0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, false, 0,
            0, 0, "ideal");

    public Imperfections {
        requireRange("lateralShiftPx", lateralShiftPx, 0, 1e3);
        requireRange("rotationDeg", rotationDeg, 0, 45);
        requireRange("distanceError", distanceError, 0, 0.9);
        requireRange("phaseRange", phaseRange, 0.01, 10);
        requireRange("gamma", gamma, 0.05, 20);
        requireRange("crosstalkPx", crosstalkPx, 0, 100);
        requireRange("zernikeRmsRad", zernikeRmsRad, 0, 100);
        requireRange("illuminationWaist", illuminationWaist, 0, 1e6);
        requireRange("photonsPerUnit", photonsPerUnit, 0, 1e15);
        requireRange("quantumEfficiency", quantumEfficiency, 1e-6, 1);
        requireRange("readNoiseE", readNoiseE, 0, 1e6);
        requireRange("adcBits", adcBits, 0, 32);
        requireRange("fullWellE", fullWellE, 0, 1e15);
        requireRange("darkCounts", darkCounts, 0, 1e9);
        requireRange("driftShiftPxPerRootS", driftShiftPxPerRootS, 0, 1e3);
        requireRange("driftPhaseRadPerRootS", driftPhaseRadPerRootS, 0, 1e3);
    }

    private static void requireRange(String key, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException("imperfection '" + key + "' must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    /** True when the camera adds no noise and no quantisation (frames are exact intensities). */
    public boolean exactCamera() {
        return photonsPerUnit == 0;
    }

    /** The same profile with another seed (a different realisation of the same lab). */
    public Imperfections withSeed(long s) {
        return new Imperfections(s, lateralShiftPx, rotationDeg, distanceError, phaseRange, gamma, crosstalkPx,
                zernikeRmsRad, illuminationWaist, photonsPerUnit, quantumEfficiency, readNoiseE, adcBits, fullWellE,
                photonCounting, darkCounts, driftShiftPxPerRootS, driftPhaseRadPerRootS, description);
    }

    /** The same profile with a photon-counting camera at {@code photons} per unit intensity and {@code dark} counts. */
    public Imperfections withPhotonCounting(double photons, double dark) {
        return new Imperfections(seed, lateralShiftPx, rotationDeg, distanceError, phaseRange, gamma, crosstalkPx,
                zernikeRmsRad, illuminationWaist, photons, quantumEfficiency, readNoiseE, adcBits, fullWellE,
                true, dark, driftShiftPxPerRootS, driftPhaseRadPerRootS,
                description + ", photon counting " + photons + " photons, " + dark + " dark");
    }

    /** The same profile with another photon budget (camera noise study). */
    public Imperfections withPhotons(double photons) {
        return new Imperfections(seed, lateralShiftPx, rotationDeg, distanceError, phaseRange, gamma, crosstalkPx,
                zernikeRmsRad, illuminationWaist, photons, quantumEfficiency, readNoiseE, adcBits, fullWellE,
                photonCounting, darkCounts, driftShiftPxPerRootS, driftPhaseRadPerRootS, description + ", " + photons + " photons");
    }
}
