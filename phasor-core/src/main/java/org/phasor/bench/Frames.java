package org.phasor.bench;

/**
 * A batch of camera frames, plain data: {@code values[(b * ny + y) * nx + x]} in calibrated intensity units
 * (the camera driver divides counts by its known gain and exposure, so unit input amplitude reads 1).
 * {@code fullScale} is the reading at which the camera clips at the exposure these frames were taken with (the
 * driver knows its ADC range and full well); {@link Double#POSITIVE_INFINITY} for a camera that never clips.
 * Exposure control reads it to keep frames out of saturation.
 */
public record Frames(int batch, int ny, int nx, double[] values, double fullScale) {
    public Frames {
        if ((long) batch * ny * nx != values.length) {
            throw new IllegalArgumentException("frames: " + batch + "x" + ny + "x" + nx + " needs "
                    + (long) batch * ny * nx + " values, got " + values.length);
        }
        if (!(fullScale > 0)) {
            throw new IllegalArgumentException("frames: full scale must be positive, got " + fullScale);
        }
    }

    /** Frames from a camera that never clips. */
    public Frames(int batch, int ny, int nx, double[] values) {
        this(batch, ny, nx, values, Double.POSITIVE_INFINITY);
    }

    public int frameSize() {
        return ny * nx;
    }

    public double get(int b, int y, int x) {
        return values[(b * ny + y) * nx + x];
    }

    /** The brightest reading of the batch. */
    public double peak() {
        double p = 0;
        for (double v : values) {
            p = Math.max(p, v);
        }
        return p;
    }

    /** Whether any reading reached the full scale (the camera clipped it). */
    public boolean clipped() {
        return peak() >= fullScale;
    }
}
