package org.phasor.bench;

/**
 * Registers camera pixels to a modulator's pixels by projecting calibration spots, as the authors do: with all
 * modulators at level 0 and a flat input, measure the field just after modulator m; then write small square
 * spots at known modulator pixels with a phase step of about π and measure again. The change |u_spots − u_0|²
 * is confined to where the spots physically sit; their centroids, matched to the programmed positions, give an
 * affine map by least squares. Camera noise enters through the measured fields, so the map has an error.
 *
 * <p>Each spot is looked for within {@code search} pixels of where it is expected: where the previous
 * registration puts it (a lab re-registering a creeping bench looks where the spot was last seen, so the drift
 * accumulated over a long run never outgrows the window), or where the drawing puts it the first time. A spot
 * found at the edge of its window may be cut off by it, and its centroid pulled inwards: that is an error, not a
 * silently biased map.
 */
public final class Registration {
    /** Half-width of the square calibration spots, pixels. */
    private static final int SPOT = 2;
    /**
     * The spot change is divided by the baseline intensity plus this fraction of its peak: under Gaussian
     * illumination the raw change |u − b|² is weighted by |b|², which pulls every centroid towards the beam and
     * shrinks the fitted map (0.15 px mean, 0.35 px worst error over the field at 120 px, lab camera); divided, the
     * spot is its own phase step, |e^{iφ} − 1|². The floor keeps the dark rim's noise from being amplified.
     */
    private static final double NORM_FLOOR = 1e-2;

    private Registration() {
    }

    /**
     * @param response the modulator's measured response (to pick the level closest to a π step)
     * @param search   how far (pixels) from the programmed position a spot may have moved
     */
    public static AffineMap measure(Bench bench, Holography holo, int modulator, PhaseResponse response, int search) {
        return measure(bench, holo, modulator, response, search, AffineMap.IDENTITY);
    }

    /**
     * @param expected the previous registration of this modulator (where each spot is looked for);
     *                 {@link AffineMap#IDENTITY} for the drawing
     */
    public static AffineMap measure(Bench bench, Holography holo, int modulator, PhaseResponse response, int search,
                                    AffineMap expected) {
        BenchDescription d = bench.describe();
        int nx = d.nx();
        int ny = d.ny();
        Injection flat = PhaseCalibration.flatBench(bench);
        double[] base = holo.measure(bench, flat, modulator).reIm();
        // spots at the corners of a centred square (a quarter of the field in), plus the centre
        int qx = nx / 4;
        int qy = ny / 4;
        int[][] spots = {{nx / 2 - qx, ny / 2 - qy}, {nx / 2 + qx, ny / 2 - qy}, {nx / 2 - qx, ny / 2 + qy},
                {nx / 2 + qx, ny / 2 + qy}, {nx / 2, ny / 2}};
        int piLevel = response.levelFor(Math.PI);
        int[] pattern = new int[nx * ny];
        for (int[] s : spots) {
            for (int y = s[1] - SPOT; y <= s[1] + SPOT; y++) {
                for (int x = s[0] - SPOT; x <= s[0] + SPOT; x++) {
                    pattern[y * nx + x] = piLevel;
                }
            }
        }
        bench.program(modulator, pattern);
        double[] u = holo.measure(bench, flat, modulator).reIm();
        bench.program(modulator, new int[nx * ny]);
        // the reference arm may have drifted between the two measurements: rotate the baseline onto u using the
        // whole plane (the spots are a small fraction of it)
        double[] c = PhaseCalibration.overlap(u, base);
        double norm = Math.hypot(c[0], c[1]);
        double rc = norm > 0 ? c[0] / norm : 1;
        double rs = norm > 0 ? c[1] / norm : 0;
        double[] change = new double[nx * ny];
        double peak = 0;
        for (int i = 0; i < nx * ny; i++) {
            peak = Math.max(peak, base[2 * i] * base[2 * i] + base[2 * i + 1] * base[2 * i + 1]);
        }
        double floor = NORM_FLOOR * peak;
        for (int i = 0; i < nx * ny; i++) {
            double br = base[2 * i] * rc - base[2 * i + 1] * rs;
            double bi = base[2 * i] * rs + base[2 * i + 1] * rc;
            double dr = u[2 * i] - br;
            double di = u[2 * i + 1] - bi;
            change[i] = (dr * dr + di * di) / (br * br + bi * bi + floor);
        }
        double[] from = new double[2 * spots.length];
        double[] to = new double[2 * spots.length];
        int w = search + SPOT + 1;
        // each window is centred where its spot is expected; the fit still maps the programmed positions
        double[][] at = new double[spots.length][];
        for (int k = 0; k < spots.length; k++) {
            at[k] = new double[]{expected.x(spots[k][0], spots[k][1]), expected.y(spots[k][0], spots[k][1])};
        }
        for (int k = 0; k < spots.length; k++) {
            int sx = (int) Math.round(at[k][0]);
            int sy = (int) Math.round(at[k][1]);
            // only the pixels nearer this spot than any other: on small planes the windows overlap, and a
            // neighbour's light pulls the centroid (a bias that a re-registration around it would compound)
            boolean[] own = new boolean[(2 * w + 1) * (2 * w + 1)];
            for (int y = Math.max(0, sy - w); y <= Math.min(ny - 1, sy + w); y++) {
                for (int x = Math.max(0, sx - w); x <= Math.min(nx - 1, sx + w); x++) {
                    own[(y - sy + w) * (2 * w + 1) + x - sx + w] = nearest(at, x, y) == k;
                }
            }
            // background level: the median-free robust choice is the window's minimum; subtract it
            double min = Double.MAX_VALUE;
            for (int y = Math.max(0, sy - w); y <= Math.min(ny - 1, sy + w); y++) {
                for (int x = Math.max(0, sx - w); x <= Math.min(nx - 1, sx + w); x++) {
                    if (own[(y - sy + w) * (2 * w + 1) + x - sx + w]) {
                        min = Math.min(min, change[y * nx + x]);
                    }
                }
            }
            double s = 0;
            double cx = 0;
            double cy = 0;
            for (int y = Math.max(0, sy - w); y <= Math.min(ny - 1, sy + w); y++) {
                for (int x = Math.max(0, sx - w); x <= Math.min(nx - 1, sx + w); x++) {
                    if (own[(y - sy + w) * (2 * w + 1) + x - sx + w]) {
                        double v = change[y * nx + x] - min;
                        s += v;
                        cx += v * x;
                        cy += v * y;
                    }
                }
            }
            if (!(s > 0)) {
                throw new IllegalStateException("registration: calibration spot " + k + " of modulator "
                        + modulator + " not seen within " + search + " px of (" + sx + ", " + sy + ")");
            }
            cx /= s;
            cy /= s;
            if (Math.abs(cx - sx) > search + 0.5 || Math.abs(cy - sy) > search + 0.5) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "registration: calibration spot %d of modulator %d found at (%.1f, %.1f), at the edge of its "
                                + "%d px search window around (%d, %d): it has moved further than the search radius",
                        k, modulator, cx, cy, search, sx, sy));
            }
            from[2 * k] = spots[k][0];
            from[2 * k + 1] = spots[k][1];
            to[2 * k] = cx;
            to[2 * k + 1] = cy;
        }
        return AffineMap.fit(from, to);
    }

    /** Index of the expected spot position nearest to pixel (x, y) (the first on a tie). */
    private static int nearest(double[][] at, int x, int y) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < at.length; k++) {
            double d = Math.pow(x - at[k][0], 2) + Math.pow(y - at[k][1], 2);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }
}
