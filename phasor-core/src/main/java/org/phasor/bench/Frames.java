package org.phasor.bench;

/**
 * A batch of camera frames, plain data: {@code values[(b * ny + y) * nx + x]} in calibrated intensity units
 * (the camera driver divides counts by its known gain and exposure, so unit input amplitude reads 1).
 */
public record Frames(int batch, int ny, int nx, double[] values) {
    public Frames {
        if ((long) batch * ny * nx != values.length) {
            throw new IllegalArgumentException("frames: " + batch + "x" + ny + "x" + nx + " needs "
                    + (long) batch * ny * nx + " values, got " + values.length);
        }
    }

    public int frameSize() {
        return ny * nx;
    }

    public double get(int b, int y, int x) {
        return values[(b * ny + y) * nx + x];
    }
}
