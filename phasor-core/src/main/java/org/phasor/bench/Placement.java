package org.phasor.bench;

/**
 * Where a method's mask sits on a modulator, by whole pixels: modulator pixel (p, q) shows parameter
 * (p + dx, q + dy), zero where that falls outside the plane. {@link #NONE} puts parameter (p, q) on pixel (p, q).
 *
 * <p>Why whole pixels: an SLM can only show its pattern moved by whole pixels. Moving the parameters by a fraction
 * of a pixel would mean interpolating them, which blurs a fine mask at every move. Following a creeping panel to
 * the nearest pixel bounds how far the mask strays from where it was trained, and never mixes values.
 */
public record Placement(int dx, int dy) {
    public static final Placement NONE = new Placement(0, 0);

    /** The parameters shown on each modulator pixel (nx×ny, row-major). */
    public double[] onPixels(double[] params, int nx, int ny) {
        if (equals(NONE)) {
            return params;
        }
        double[] out = new double[nx * ny];
        for (int q = 0; q < ny; q++) {
            int y = q + dy;
            if (y < 0 || y >= ny) {
                continue;
            }
            for (int p = 0; p < nx; p++) {
                int x = p + dx;
                if (x >= 0 && x < nx) {
                    out[q * nx + p] = params[y * nx + x];
                }
            }
        }
        return out;
    }

    /**
     * The adjoint of {@link #onPixels}: a map over modulator pixels (e.g. ∂L/∂φ) expressed over the parameters,
     * zero for parameters no pixel shows.
     */
    public double[] toParams(double[] pixels, int nx, int ny) {
        if (equals(NONE)) {
            return pixels;
        }
        double[] out = new double[nx * ny];
        for (int q = 0; q < ny; q++) {
            int y = q + dy;
            if (y < 0 || y >= ny) {
                continue;
            }
            for (int p = 0; p < nx; p++) {
                int x = p + dx;
                if (x >= 0 && x < nx) {
                    out[y * nx + x] = pixels[q * nx + p];
                }
            }
        }
        return out;
    }

    /**
     * The placement that follows a panel which moved by {@code (creepX, creepY)} pixels since the parameters were
     * anchored: this placement while it is within {@code hysteresis} pixels of the creep on an axis, else the creep
     * rounded. The hysteresis (above ½) keeps registration noise at a half-pixel creep from flipping the mask back
     * and forth.
     */
    public Placement following(double creepX, double creepY, double hysteresis) {
        int x = Math.abs(creepX - dx) > hysteresis ? (int) Math.round(creepX) : dx;
        int y = Math.abs(creepY - dy) > hysteresis ? (int) Math.round(creepY) : dy;
        return x == dx && y == dy ? this : new Placement(x, y);
    }
}
