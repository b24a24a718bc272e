package org.phasor.task.scattering;

/**
 * An SLM driven in square groups of pixels ("segments", the usual control unit of wavefront shaping): {@code per}
 * × {@code per} segments tile an {@code n × n} modulator. Both optimisers (FFM and PSO) use the same segments, so
 * they search the same space; FFM's per-pixel gradient becomes a per-segment gradient by summation (chain rule).
 */
public record Segments(int n, int per) {
    public Segments {
        if (per < 1 || n % per != 0) {
            throw new IllegalArgumentException("cannot tile " + n + " pixels with " + per + " segments per side");
        }
    }

    public int count() {
        return per * per;
    }

    public int size() {
        return n / per;
    }

    /** Pixel phases of segment phases. */
    public double[] expand(double[] segment) {
        int s = size();
        double[] p = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                p[y * n + x] = segment[(y / s) * per + x / s];
            }
        }
        return p;
    }

    /** Segment sums of a per-pixel map (the gradient of a segment is the sum of its pixels' gradients). */
    public double[] sum(double[] pixel) {
        int s = size();
        double[] g = new double[count()];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                g[(y / s) * per + x / s] += pixel[y * n + x];
            }
        }
        return g;
    }
}
