package org.phasor.bench;

/**
 * Phase-shifting holography, built only on device operations: capture |u + r·e^{iθ_k}|² for reference steps
 * θ_k and solve for u. The reference r is a plane wave whose intensity |r|² is measured once per plane
 * (signal dark, reference open); its phase is the zero of the phase scale, so measured fields are relative to
 * the reference phase (the same for the data and the error pass, which is what the FFM gradient needs).
 *
 * <ul>
 *   <li>4 steps (0, π/2, π, 3π/2): u·r* = [(I₀ − I₂) + i(I₁ − I₃)] / 4;</li>
 *   <li>3 steps (0, π/2, π), as in the authors' code: Re(u·r*) = (I₀ − I₂)/4,
 *       Im(u·r*) = (2I₁ − I₀ − I₂)/4.</li>
 * </ul>
 * Each step is one capture, i.e. one pass and one frame per batch item: a measurement costs
 * {@code steps × batch} frames. Camera noise and saturation therefore enter every measured field.
 *
 * <p>With {@link ExposureControl#auto exposure control} each measurement sets the camera exposure and the
 * reference attenuator as a careful experimenter does: from the field's peak the last time this kind of light was
 * measured at this plane, the longest exposure (up to the cap) and then the brightest reference that keep the
 * brightest interference fringe, (|r| + |u|)², under a fraction of the camera's full scale; if a frame clips
 * anyway the measurement is retaken at half the exposure. Weak fields (the error pass, a dim output) are then
 * measured with up to {@code maxExposure} times the photons, at that multiple of the camera time.
 */
public final class Holography {
    private final int steps;
    private final double[] referenceIntensity; // per plane, measured lazily
    private final boolean[] measured;
    private double phaseCorrection; // reference-arm phase drift, measured by track()
    private final boolean trackEach;
    private final ExposureControl exposure;
    // per (plane, direction, injection plane): the brightest |u|² the last measurement of that light found
    private final java.util.Map<Long, Double> lastPeak = new java.util.HashMap<>();
    private double fullScaleAtUnitExposure = Double.NaN; // the camera's clipping reading at exposure 1, once seen
    private long retakes;

    /** @param steps 3 or 4 phase steps */
    public Holography(int steps, int planes) {
        this(steps, planes, false);
    }

    /**
     * @param steps     3 or 4 phase steps
     * @param trackEach re-measure the reference phase ({@link #track}) before every measurement, so no measured
     *                  field carries more than one measurement's worth of reference drift; costs {@code steps}
     *                  frames per measurement (a single flat-field item) on top of {@code steps × batch}
     */
    public Holography(int steps, int planes, boolean trackEach) {
        this(steps, planes, trackEach, ExposureControl.FIXED);
    }

    /** As {@link #Holography(int, int, boolean)}, with the camera exposure and reference set by {@code exposure}. */
    public Holography(int steps, int planes, boolean trackEach, ExposureControl exposure) {
        this.steps = PhaseShifting.requireSteps(steps);
        this.referenceIntensity = new double[planes];
        this.measured = new boolean[planes];
        this.trackEach = trackEach;
        this.exposure = java.util.Objects.requireNonNull(exposure, "exposure");
    }

    /** Measurements retaken at a shorter exposure because a frame clipped (exposure control only). */
    public long retakes() {
        return retakes;
    }

    /** Whether every measurement is preceded by a reference-phase measurement. */
    public boolean tracksEachMeasurement() {
        return trackEach;
    }

    public int steps() {
        return steps;
    }

    /** Frames one measurement of a batch of {@code batch} fields costs. */
    public long framesPerMeasurement(int batch) {
        return (long) steps * batch;
    }

    /**
     * Mean reference intensity |r|² at {@code plane}: one capture with the signal dark (zero field injected).
     */
    public double referenceIntensity(Bench bench, int plane) {
        if (!measured[plane]) {
            BenchDescription d = bench.describe();
            bench.setReference(ReferenceArm.at(0));
            Direction dir = plane == 0 ? Direction.REVERSE : Direction.FORWARD;
            int from = plane == 0 ? d.outputPlane() : 0;
            bench.setExposure(1);
            Frames dark = bench.capture(new Injection(dir, from, ComplexFrames.zeros(1, d.ny(), d.nx())), plane);
            fullScaleAtUnitExposure = dark.fullScale();
            double s = 0;
            for (double v : dark.values()) {
                s += v;
            }
            referenceIntensity[plane] = s / dark.values().length;
            measured[plane] = true;
            bench.setReference(ReferenceArm.BLOCKED);
        }
        return referenceIntensity[plane];
    }

    /**
     * Drift correction: the reference arm's phase wanders relative to the light the bench injects, which would
     * rotate every measured field (and the FFM gradient, a product of two of them) by an unknown phase. Inject a
     * flat field from the output side, measure it where it is injected, and take the phase of the result as the
     * current offset; later measurements are corrected by it. Costs one measurement ({@code steps} frames).
     *
     * @return the measured reference phase offset, radians
     */
    public double track(Bench bench) {
        BenchDescription d = bench.describe();
        double[] ones = new double[d.planeSize()];
        java.util.Arrays.fill(ones, 1);
        Injection flat = new Injection(Direction.REVERSE, d.outputPlane(),
                ComplexFrames.ofAmplitudes(1, d.ny(), d.nx(), ones));
        phaseCorrection = 0;
        double[] z = measureOnce(bench, flat, d.outputPlane()).reIm();
        double re = 0;
        double im = 0;
        for (int i = 0; i < z.length; i += 2) {
            re += z[i];
            im += z[i + 1];
        }
        phaseCorrection = -Math.atan2(im, re);
        return -phaseCorrection;
    }

    /** Measures the complex field of {@code light} at {@code plane}, relative to the reference phase. */
    public ComplexFrames measure(Bench bench, Injection light, int plane) {
        if (trackEach) {
            track(bench);
        }
        return measureOnce(bench, light, plane);
    }

    private ComplexFrames measureOnce(Bench bench, Injection light, int plane) {
        double r2 = referenceIntensity(bench, plane);
        if (!(r2 > 0)) {
            throw new IllegalStateException("holography: reference arm reads no light at plane " + plane);
        }
        long key = ((long) plane * 2 + light.direction().ordinal()) * 1024 + light.plane();
        Double peak = lastPeak.get(key);
        ExposureControl.Setting set = peak == null || Double.isInfinite(fullScaleAtUnitExposure)
                ? ExposureControl.Setting.NOMINAL
                : exposure.choose(peak, r2, fullScaleAtUnitExposure);
        Captured shot = captureSteps(bench, light, plane, set);
        // a frame that clipped gives a wrong field: retake shorter, as an experimenter watching the histogram does
        for (int tries = 0; tries < 4 && exposure.active() && shot.clipped() && set.exposure() > exposure.minExposure(); tries++) {
            retakes++;
            set = set.withExposure(Math.max(exposure.minExposure(), set.exposure() / 2));
            shot = captureSteps(bench, light, plane, set);
        }
        double[][] frames = shot.frames();
        double r = Math.sqrt(r2 * set.transmission());
        int n = frames[0].length;
        double[] z = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double re = PhaseShifting.real(frames[0][i], frames[2][i]);
            double im = PhaseShifting.imag(steps, frames[0][i], frames[1][i], frames[2][i], steps == 4 ? frames[3][i] : 0);
            // u = (u·r*) / r* with r real and positive at the reference's zero phase
            z[2 * i] = re / r;
            z[2 * i + 1] = im / r;
        }
        if (phaseCorrection != 0) {
            double c = Math.cos(phaseCorrection);
            double s = Math.sin(phaseCorrection);
            for (int i = 0; i < n; i++) {
                double re = z[2 * i];
                double im = z[2 * i + 1];
                z[2 * i] = re * c - im * s;
                z[2 * i + 1] = re * s + im * c;
            }
        }
        if (exposure.active()) {
            double p = 0;
            for (int i = 0; i < n; i++) {
                p = Math.max(p, z[2 * i] * z[2 * i] + z[2 * i + 1] * z[2 * i + 1]);
            }
            lastPeak.put(key, p);
        }
        ComplexFrames f = light.field();
        return new ComplexFrames(f.batch(), f.ny(), f.nx(), z);
    }

    /** The phase-stepped frames of one measurement, and whether any of them clipped. */
    private record Captured(double[][] frames, boolean clipped) {
    }

    /** The phase-stepped frames at one exposure and reference setting; leaves the reference blocked at exposure 1. */
    private Captured captureSteps(Bench bench, Injection light, int plane, ExposureControl.Setting set) {
        double[][] frames = new double[steps][];
        boolean clipped = false;
        bench.setExposure(set.exposure());
        for (int k = 0; k < steps; k++) {
            bench.setReference(ReferenceArm.at(k * Math.PI / 2, set.transmission()));
            Frames f = bench.capture(light, plane);
            clipped |= f.clipped();
            frames[k] = f.values();
        }
        bench.setReference(ReferenceArm.BLOCKED);
        bench.setExposure(1);
        return new Captured(frames, clipped);
    }
}
