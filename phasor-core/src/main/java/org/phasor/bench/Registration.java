package org.phasor.bench;

/**
 * Registers camera pixels to a modulator's pixels by projecting calibration spots, as the authors do: with all
 * modulators at level 0 and a flat input, measure the field just after modulator m; then write small square
 * spots at known modulator pixels with a phase step of about π and measure again. The change |u_spots − u_0|²
 * is confined to where the spots physically sit; their centroids, matched to the programmed positions, give an
 * affine map by least squares. Camera noise enters through the measured fields, so the map has an error.
 */
public final class Registration {
    /** Half-width of the square calibration spots, pixels. */
    private static final int SPOT = 2;

    private Registration() {
    }

    /**
     * @param response the modulator's measured response (to pick the level closest to a π step)
     * @param search   how far (pixels) from the programmed position a spot may have moved
     */
    public static AffineMap measure(Bench bench, Holography holo, int modulator, PhaseResponse response, int search) {
        BenchDescription d = bench.describe();
        int nx = d.nx();
        int ny = d.ny();
        Injection flat = PhaseCalibration.flatInput(d);
        for (int m = 1; m <= d.modulators(); m++) {
            bench.program(m, new int[nx * ny]);
        }
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
        double cr = 0;
        double ci = 0;
        for (int i = 0; i < nx * ny; i++) {
            cr += u[2 * i] * base[2 * i] + u[2 * i + 1] * base[2 * i + 1];
            ci += u[2 * i + 1] * base[2 * i] - u[2 * i] * base[2 * i + 1];
        }
        double norm = Math.hypot(cr, ci);
        double rc = norm > 0 ? cr / norm : 1;
        double rs = norm > 0 ? ci / norm : 0;
        double[] change = new double[nx * ny];
        for (int i = 0; i < nx * ny; i++) {
            double br = base[2 * i] * rc - base[2 * i + 1] * rs;
            double bi = base[2 * i] * rs + base[2 * i + 1] * rc;
            double dr = u[2 * i] - br;
            double di = u[2 * i + 1] - bi;
            change[i] = dr * dr + di * di;
        }
        double[] from = new double[2 * spots.length];
        double[] to = new double[2 * spots.length];
        int w = search + SPOT + 1;
        for (int k = 0; k < spots.length; k++) {
            int sx = spots[k][0];
            int sy = spots[k][1];
            // background level: the median-free robust choice is the window's minimum; subtract it
            double min = Double.MAX_VALUE;
            for (int y = Math.max(0, sy - w); y <= Math.min(ny - 1, sy + w); y++) {
                for (int x = Math.max(0, sx - w); x <= Math.min(nx - 1, sx + w); x++) {
                    min = Math.min(min, change[y * nx + x]);
                }
            }
            double s = 0;
            double cx = 0;
            double cy = 0;
            for (int y = Math.max(0, sy - w); y <= Math.min(ny - 1, sy + w); y++) {
                for (int x = Math.max(0, sx - w); x <= Math.min(nx - 1, sx + w); x++) {
                    double v = change[y * nx + x] - min;
                    s += v;
                    cx += v * x;
                    cy += v * y;
                }
            }
            if (!(s > 0)) {
                throw new IllegalStateException("registration: calibration spot " + k + " of modulator "
                        + modulator + " not seen within " + search + " px of (" + sx + ", " + sy + ")");
            }
            from[2 * k] = sx;
            from[2 * k + 1] = sy;
            to[2 * k] = cx / s;
            to[2 * k + 1] = cy / s;
        }
        return AffineMap.fit(from, to);
    }
}
