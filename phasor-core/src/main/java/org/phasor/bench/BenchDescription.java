package org.phasor.bench;

import java.util.Arrays;

/**
 * What a lab knows about its bench without measuring anything: the nominal geometry from the drawing and the
 * data sheets. Plane 0 is the input modulator, planes 1..{@code modulators} the programmable phase modulators
 * (SLMs), plane {@code modulators + 1} the output camera. All modulation planes and the camera are sampled on
 * the same {@code nx × ny} grid of pitch {@code pitch} (a lab images every plane onto its cameras at unit
 * magnification; registration measures how well).
 *
 * @param name            a label for logs ("simulated:lab", "lab-3 table B" …)
 * @param nx              pixels per plane along x
 * @param ny              pixels per plane along y
 * @param pitch           pixel pitch in metres
 * @param wavelength      vacuum wavelength in metres
 * @param distances       nominal spacing between consecutive planes in metres, {@code modulators + 1} values:
 *                        input→SLM 1, SLM 1→SLM 2, …, SLM L→camera
 * @param modulators      number of programmable phase modulators L
 * @param levels          device levels per pixel (256 for an 8-bit SLM)
 * @param frameSeconds    exposure plus read-out of one camera frame, seconds (for the cost report)
 */
public record BenchDescription(String name, int nx, int ny, double pitch, double wavelength, double[] distances,
                               int modulators, int levels, double frameSeconds) {

    public BenchDescription {
        if (nx <= 0 || ny <= 0 || modulators < 0 || levels < 2) {
            throw new IllegalArgumentException("bench description: bad sizes nx=" + nx + " ny=" + ny
                    + " modulators=" + modulators + " levels=" + levels);
        }
        if (distances.length != modulators + 1) {
            throw new IllegalArgumentException("bench description: expected " + (modulators + 1)
                    + " plane distances for " + modulators + " modulators, got " + distances.length);
        }
        distances = distances.clone();
    }

    @Override
    public double[] distances() {
        return distances.clone();
    }

    /** Index of the output camera plane. */
    public int outputPlane() {
        return modulators + 1;
    }

    /** Pixels per plane. */
    public int planeSize() {
        return nx * ny;
    }

    @Override
    public String toString() {
        return "BenchDescription[" + name + ", " + nx + "x" + ny + " @ " + pitch + " m, λ=" + wavelength
                + " m, L=" + modulators + ", levels=" + levels + ", distances=" + Arrays.toString(distances) + "]";
    }
}
