package org.phasor.bench;

/**
 * An optical bench as a trainer sees it: only what a lab can do, in coarse batched calls taking and returning
 * plain data (records of arrays), so a remote bench can drive a real lab over a wire with the same trainers.
 * No call exposes the bench's misalignments, aberrations or device responses: those are measured by
 * procedures built on these operations ({@link Holography}, {@link PhaseCalibration}, {@link Registration}).
 *
 * <p>Device-level operations only:
 * <ul>
 *   <li>{@link #describe()}: nominal geometry from the drawing and data sheets;</li>
 *   <li>{@link #program}: load device levels (e.g. 8-bit) onto a phase modulator;</li>
 *   <li>{@link #setReference}: block or open the holography reference arm, with a phase step and attenuation;</li>
 *   <li>{@link #setExposure}: the camera's exposure, relative to its nominal one;</li>
 *   <li>{@link #capture}: launch a batch of fields and capture one camera frame per item at a plane;</li>
 *   <li>{@link #cost()}: passes, frames and camera time spent so far.</li>
 * </ul>
 * Planes: 0 = input modulator, 1..L = phase modulators, L+1 = output camera. {@code capture} of FORWARD light
 * at plane p ≤ L sees the field just after modulator p; at L+1 the output. {@code capture} of REVERSE light at
 * plane p sees the field arriving at modulator p from behind, before it passes through it. With the reference
 * open the frame is |u + r·e^{iθ}|², the raw material of phase-shifting holography. Light may also be captured
 * at its own injection plane (a camera looking at the injecting modulator), which drift correction uses.
 */
public interface Bench {
    BenchDescription describe();

    /**
     * Programs phase modulator {@code modulator} (1..L) with {@code levels} (row-major ny×nx, each in
     * [0, levels)).
     */
    void program(int modulator, int[] levels);

    void setReference(ReferenceArm reference);

    /**
     * Sets the camera exposure to {@code relative} times the nominal one ({@link BenchDescription#frameSeconds}
     * is for exposure 1). Frames stay in intensity units, so a longer exposure collects more photons per unit
     * intensity (less relative shot and read noise), clips at a proportionally lower reading
     * ({@link Frames#fullScale}) and costs proportionally more camera time (during which the bench drifts).
     *
     * @throws IllegalArgumentException if the camera cannot take that exposure
     */
    void setExposure(double relative);

    /**
     * Launches {@code light} (each batch item is one pass) and captures one frame per item at {@code plane}.
     * FORWARD light must be captured downstream of its injection plane, REVERSE light upstream.
     */
    Frames capture(Injection light, int plane);

    BenchCost cost();
}
