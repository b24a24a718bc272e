package org.phasor.bench;

/**
 * Where a method's mask sits on a modulator: modulator pixel (p, q) shows parameter (p + dx, q + dy), zero where
 * that falls outside the plane. {@link #NONE} puts parameter (p, q) on pixel (p, q).
 *
 * <p>Whole-pixel moves copy values. A fractional move interpolates the parameters bilinearly: an SLM can only show
 * its pattern on its own pixels, so a mask kept still in the bench's frame while its panel creeps by a fraction of a
 * pixel is shown blurred (at most a two-tap average at half a pixel). The blur is not cumulative: the parameters
 * themselves are never resampled, only what each programming shows, and {@link #toParams} (the exact adjoint) takes
 * the gradient back through the same interpolation, so training sees what the panel shows.
 */
public record Placement(double dx, double dy) {
    public static final Placement NONE = new Placement(0, 0);

    public Placement {
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("placement must be finite, got (" + dx + ", " + dy + ")");
        }
    }

    /** The parameters shown on each modulator pixel (nx×ny, row-major). */
    public double[] onPixels(double[] params, int nx, int ny) {
        if (equals(NONE)) {
            return params;
        }
        double[] out = new double[nx * ny];
        resample(params, out, nx, ny, false);
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
        resample(pixels, out, nx, ny, true);
        return out;
    }

    /**
     * Bilinear gather (pixel ← parameters) or its transpose, the scatter (parameters ← pixel). Taps with zero weight
     * are skipped, so a whole-pixel placement copies values exactly.
     */
    private void resample(double[] from, double[] to, int nx, int ny, boolean transpose) {
        int x0 = (int) Math.floor(dx);
        int y0 = (int) Math.floor(dy);
        double fx = dx - x0;
        double fy = dy - y0;
        double[] wy = {1 - fy, fy};
        double[] wx = {1 - fx, fx};
        for (int q = 0; q < ny; q++) {
            for (int ty = 0; ty < 2; ty++) {
                int y = q + y0 + ty;
                if (wy[ty] == 0 || y < 0 || y >= ny) {
                    continue;
                }
                for (int tx = 0; tx < 2; tx++) {
                    double w = wy[ty] * wx[tx];
                    if (w == 0) {
                        continue;
                    }
                    int shift = x0 + tx;
                    int pStart = Math.max(0, -shift);
                    int pEnd = Math.min(nx, nx - shift);
                    int pixelRow = q * nx;
                    int paramRow = y * nx + shift;
                    for (int p = pStart; p < pEnd; p++) {
                        if (transpose) {
                            to[paramRow + p] += w * from[pixelRow + p];
                        } else {
                            to[pixelRow + p] += w * from[paramRow + p];
                        }
                    }
                }
            }
        }
    }

    /**
     * The placement that follows a panel which moved by {@code (creepX, creepY)} pixels since the parameters were
     * anchored. {@code hysteresis} 0: exactly the creep, fractions of a pixel included (interpolated). ½ or more:
     * whole pixels (½: the creep rounded), this placement while it is within {@code hysteresis} pixels of the creep on an axis, else the
     * creep rounded; the hysteresis keeps registration noise at a half-pixel creep from flipping the mask back and
     * forth.
     */
    public Placement following(double creepX, double creepY, double hysteresis) {
        if (hysteresis == 0) {
            return new Placement(creepX, creepY);
        }
        if (!(hysteresis >= 0.5)) {
            throw new IllegalArgumentException("whole-pixel following needs a hysteresis of at least 1/2 pixel, got "
                    + hysteresis);
        }
        double x = Math.abs(creepX - dx) > hysteresis ? Math.round(creepX) : dx;
        double y = Math.abs(creepY - dy) > hysteresis ? Math.round(creepY) : dy;
        return x == dx && y == dy ? this : new Placement(x, y);
    }
}
