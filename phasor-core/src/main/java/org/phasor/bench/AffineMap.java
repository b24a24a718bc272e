package org.phasor.bench;

/**
 * A measured map from modulator pixel coordinates (column, row) to camera pixel coordinates:
 * {@code x = a·p + b·q + tx}, {@code y = c·p + d·q + ty}. The authors fit a perspective transform to four
 * projected spots; over a few pixels of misalignment an affine map (shift, rotation, scale, shear) is the same
 * to first order and needs no division.
 */
public record AffineMap(double a, double b, double c, double d, double tx, double ty) {
    public static final AffineMap IDENTITY = new AffineMap(1, 0, 0, 1, 0, 0);

    public double x(double p, double q) {
        return a * p + b * q + tx;
    }

    public double y(double p, double q) {
        return c * p + d * q + ty;
    }

    /**
     * Least-squares fit of {@code to ≈ map(from)} over point pairs (at least 3, not collinear).
     *
     * @param from {x0, y0, x1, y1, …} in modulator pixels
     * @param to   the same points as seen on the camera
     */
    public static AffineMap fit(double[] from, double[] to) {
        int n = from.length / 2;
        if (n < 3 || to.length != from.length) {
            throw new IllegalArgumentException("affine fit needs >= 3 point pairs, got " + n);
        }
        // normal equations of [p q 1]·(a b tx)ᵀ = x and the same for y: one 3×3 system, two right-hand sides
        double[][] m = new double[3][3];
        double[] rx = new double[3];
        double[] ry = new double[3];
        for (int i = 0; i < n; i++) {
            double[] row = {from[2 * i], from[2 * i + 1], 1};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] += row[r] * row[c];
                }
                rx[r] += row[r] * to[2 * i];
                ry[r] += row[r] * to[2 * i + 1];
            }
        }
        double[] sx = solve3(m, rx);
        double[] sy = solve3(m, ry);
        return new AffineMap(sx[0], sx[1], sy[0], sy[1], sx[2], sy[2]);
    }

    private static double[] solve3(double[][] m, double[] r) {
        double det = det3(m);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("affine fit: calibration spots are collinear");
        }
        double[] s = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] mk = new double[3][];
            for (int i = 0; i < 3; i++) {
                mk[i] = m[i].clone();
                mk[i][k] = r[i];
            }
            s[k] = det3(mk) / det;
        }
        return s;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /**
     * Samples a camera-plane map (row-major ny×nx) at the camera position of every modulator pixel, bilinearly
     * (zero outside): the measured quantity expressed in modulator pixels.
     */
    public double[] pullBack(double[] camera, int nx, int ny) {
        double[] out = new double[nx * ny];
        for (int q = 0; q < ny; q++) {
            for (int p = 0; p < nx; p++) {
                out[q * nx + p] = bilinear(camera, nx, ny, x(p, q), y(p, q));
            }
        }
        return out;
    }

    static double bilinear(double[] img, int nx, int ny, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fx) * (1 - fy) * at(img, nx, ny, x0, y0) + fx * (1 - fy) * at(img, nx, ny, x0 + 1, y0)
                + (1 - fx) * fy * at(img, nx, ny, x0, y0 + 1) + fx * fy * at(img, nx, ny, x0 + 1, y0 + 1);
    }

    private static double at(double[] img, int nx, int ny, int x, int y) {
        return x < 0 || y < 0 || x >= nx || y >= ny ? 0 : img[y * nx + x];
    }
}
