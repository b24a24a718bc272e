package org.phasor.optics.latent;

import org.phasor.math.ComplexArray;
import org.phasor.math.SymmetricEigen;
import org.phasor.optics.Grid;

import java.util.Locale;

/**
 * One end face of a bundle of K single-mode fibres (or a metasurface coupler array) lying in a plane sampled
 * by a {@link Grid}: channel k has a Gaussian LP01-like mode of field waist w (amplitude exp(−r²/w²), so the
 * intensity falls to 1/e² at r = w) centred at (x_k, y_k).
 *
 * <p>Modes are sampled on the grid within a window of radius 3.5·w (the amplitude outside is below 5e-6) and
 * normalised so that Σ|g_k|² = 1 over the samples. Two neighbouring Gaussians are not exactly orthogonal; a
 * passive device cannot deliver more power than it receives, so the face uses the symmetrically
 * (Löwdin-)orthonormalised modes m_k = Σ_j S_kj g_j with S = G^{-1/2}, G_kj = Σ g_k g_j: the orthonormal set
 * closest to the Gaussians. With the well-separated channels this class accepts (overlap ≤ 0.05, i.e. centres
 * ≥ 2.45 w apart) S differs from the identity by a few percent at most.
 *
 * <p>Channel amplitudes are expressed in field units on this grid: the power guided by channel k is
 * |a_k|²·dx·dy, the same convention as a field sample, so the projection P (a_k = Σ_x m_k(x)·u(x)) and the
 * launch Pᵀ are exact transposes of each other in plain array sums and P·Pᵀ = I.
 */
public final class FibreFace {
    /** Largest tolerated overlap between two sampled channel modes before the geometry is rejected. */
    public static final double MAX_OVERLAP = 0.05;
    private static final double WINDOW_WAISTS = 3.5;

    private final Grid grid;
    private final double[] xs;
    private final double[] ys;
    private final double waist;
    private final int[] x0;
    private final int[] y0;
    private final int[] w;
    private final int[] h;
    private final double[][] gauss; // per channel, window-local row-major, Σ g² = 1
    private final double[] lowdin;  // K×K, symmetric

    private FibreFace(Grid grid, double[] xs, double[] ys, double waist) {
        this.grid = grid;
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.waist = waist;
        int k = xs.length;
        if (k == 0 || ys.length != k) {
            throw new IllegalArgumentException("fibre face needs K ≥ 1 channel positions with as many x as y, got "
                    + xs.length + " x and " + ys.length + " y");
        }
        double pitch = Math.max(grid.dx(), grid.dy());
        if (!(waist >= 1.5 * pitch) || !Double.isFinite(waist)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fibre mode waist %.4g µm is under 1.5 grid pixels (pitch %.4g µm): the mode is undersampled",
                    waist * 1e6, pitch * 1e6));
        }
        double xMin = grid.x(0) - grid.dx() / 2;
        double xMax = grid.x(grid.nx() - 1) + grid.dx() / 2;
        double yMin = grid.y(0) - grid.dy() / 2;
        double yMax = grid.y(grid.ny() - 1) + grid.dy() / 2;
        x0 = new int[k];
        y0 = new int[k];
        w = new int[k];
        h = new int[k];
        gauss = new double[k][];
        for (int c = 0; c < k; c++) {
            double cx = xs[c];
            double cy = ys[c];
            if (!(cx - waist >= xMin && cx + waist <= xMax && cy - waist >= yMin && cy + waist <= yMax)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "fibre channel %d at (%.4g, %.4g) µm lies outside the grid: its waist (%.4g µm) must fit in "
                                + "x ∈ [%.4g, %.4g], y ∈ [%.4g, %.4g] µm",
                        c, cx * 1e6, cy * 1e6, waist * 1e6, xMin * 1e6, xMax * 1e6, yMin * 1e6, yMax * 1e6));
            }
            double r = WINDOW_WAISTS * waist;
            int ix0 = Math.max(0, (int) Math.floor((cx - r - grid.centerX()) / grid.dx()) + grid.nx() / 2);
            int ix1 = Math.min(grid.nx() - 1, (int) Math.ceil((cx + r - grid.centerX()) / grid.dx()) + grid.nx() / 2);
            int iy0 = Math.max(0, (int) Math.floor((cy - r - grid.centerY()) / grid.dy()) + grid.ny() / 2);
            int iy1 = Math.min(grid.ny() - 1, (int) Math.ceil((cy + r - grid.centerY()) / grid.dy()) + grid.ny() / 2);
            x0[c] = ix0;
            y0[c] = iy0;
            w[c] = ix1 - ix0 + 1;
            h[c] = iy1 - iy0 + 1;
            double[] g = new double[w[c] * h[c]];
            double norm = 0;
            for (int iy = 0; iy < h[c]; iy++) {
                double dy = grid.y(iy0 + iy) - cy;
                for (int ix = 0; ix < w[c]; ix++) {
                    double dx = grid.x(ix0 + ix) - cx;
                    double r2 = dx * dx + dy * dy;
                    double v = r2 <= r * r ? Math.exp(-r2 / (waist * waist)) : 0;
                    g[iy * w[c] + ix] = v;
                    norm += v * v;
                }
            }
            double inv = 1 / Math.sqrt(norm);
            for (int i = 0; i < g.length; i++) {
                g[i] *= inv;
            }
            gauss[c] = g;
        }
        double[] gram = new double[k * k];
        for (int a = 0; a < k; a++) {
            gram[a * k + a] = 1;
            for (int b = a + 1; b < k; b++) {
                double o = overlap(a, b);
                if (o > MAX_OVERLAP) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "fibre channels %d and %d overlap by %.3g > %.2g (centres %.4g µm apart, waist %.4g µm): "
                                    + "place channels at least 2.45 waists apart",
                            a, b, o, MAX_OVERLAP, Math.hypot(xs[a] - xs[b], ys[a] - ys[b]) * 1e6, waist * 1e6));
                }
                gram[a * k + b] = o;
                gram[b * k + a] = o;
            }
        }
        lowdin = SymmetricEigen.of(gram, k).map(l -> 1 / Math.sqrt(l));
    }

    /** Channels at explicit positions (metres, same frame as the grid's sample coordinates). */
    public static FibreFace of(Grid grid, double[] xs, double[] ys, double waist) {
        return new FibreFace(grid, xs, ys, waist);
    }

    /**
     * K channels on a centred square lattice of the given pitch, filled row by row (⌈√K⌉ columns). A lattice
     * wider than the plane is a one-line error naming K.
     */
    public static FibreFace lattice(Grid grid, int channels, double waist, double pitch) {
        if (channels < 1) {
            throw new IllegalArgumentException("fibre channel count K must be ≥ 1, got " + channels);
        }
        int cols = (int) Math.ceil(Math.sqrt(channels));
        int rows = (channels + cols - 1) / cols;
        double needX = (cols - 1) * pitch + 2 * waist;
        double needY = (rows - 1) * pitch + 2 * waist;
        if (needX > grid.widthX() || needY > grid.widthY()) {
            int fitX = (int) Math.floor((grid.widthX() - 2 * waist) / pitch) + 1;
            int fitY = (int) Math.floor((grid.widthY() - 2 * waist) / pitch) + 1;
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "K=%d fibre channels need a %dx%d lattice %.4g x %.4g µm wide at pitch %.4g µm, but the plane is "
                            + "%.4g x %.4g µm (at most %d channels fit)",
                    channels, cols, rows, needX * 1e6, needY * 1e6, pitch * 1e6, grid.widthX() * 1e6,
                    grid.widthY() * 1e6, Math.max(0, fitX) * Math.max(0, fitY)));
        }
        double[] xs = new double[channels];
        double[] ys = new double[channels];
        for (int c = 0; c < channels; c++) {
            int r = c / cols;
            int q = c % cols;
            int inRow = r == rows - 1 ? channels - r * cols : cols; // centre a short last row
            xs[c] = grid.centerX() + (q - (inRow - 1) / 2.0) * pitch;
            ys[c] = grid.centerY() + (r - (rows - 1) / 2.0) * pitch;
        }
        return new FibreFace(grid, xs, ys, waist);
    }

    private double overlap(int a, int b) {
        int ox0 = Math.max(x0[a], x0[b]);
        int ox1 = Math.min(x0[a] + w[a], x0[b] + w[b]);
        int oy0 = Math.max(y0[a], y0[b]);
        int oy1 = Math.min(y0[a] + h[a], y0[b] + h[b]);
        double s = 0;
        for (int y = oy0; y < oy1; y++) {
            for (int x = ox0; x < ox1; x++) {
                s += gauss[a][(y - y0[a]) * w[a] + (x - x0[a])] * gauss[b][(y - y0[b]) * w[b] + (x - x0[b])];
            }
        }
        return s;
    }

    public Grid grid() {
        return grid;
    }

    public int channels() {
        return xs.length;
    }

    public double waist() {
        return waist;
    }

    public double x(int c) {
        return xs[c];
    }

    public double y(int c) {
        return ys[c];
    }

    /**
     * Projects item {@code b} of {@code field} onto the orthonormal modes: {@code out[2c], out[2c+1]} ← Σ_x
     * m_c(x)·u(x) (re, im). {@code row} is scratch of at least 2·grid.nx() doubles, {@code raw} of 2·K.
     */
    void project(ComplexArray field, int b, double[] out, double[] row, double[] raw) {
        int k = channels();
        for (int c = 0; c < k; c++) {
            double re = 0;
            double im = 0;
            double[] g = gauss[c];
            for (int iy = 0; iy < h[c]; iy++) {
                field.load(field.index(b, y0[c] + iy, x0[c]), row, 0, w[c]);
                int go = iy * w[c];
                for (int ix = 0; ix < w[c]; ix++) {
                    re += g[go + ix] * row[2 * ix];
                    im += g[go + ix] * row[2 * ix + 1];
                }
            }
            raw[2 * c] = re;
            raw[2 * c + 1] = im;
        }
        for (int c = 0; c < k; c++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < k; j++) {
                double s = lowdin[c * k + j];
                re += s * raw[2 * j];
                im += s * raw[2 * j + 1];
            }
            out[2 * c] = re;
            out[2 * c + 1] = im;
        }
    }

    /**
     * Launches amplitudes {@code amp} (interleaved, K values) into item {@code b} of {@code field}: the item is
     * overwritten with Σ_c amp_c·m_c(x). Scratch as in {@link #project}.
     */
    void launch(double[] amp, ComplexArray field, int b, double[] row, double[] raw) {
        int k = channels();
        for (int j = 0; j < k; j++) { // S is symmetric: coefficients of the raw Gaussians are S·amp
            double re = 0;
            double im = 0;
            for (int c = 0; c < k; c++) {
                double s = lowdin[c * k + j];
                re += s * amp[2 * c];
                im += s * amp[2 * c + 1];
            }
            raw[2 * j] = re;
            raw[2 * j + 1] = im;
        }
        ComplexArray item = field.item(b);
        item.clear();
        for (int c = 0; c < k; c++) {
            double[] g = gauss[c];
            double ar = raw[2 * c];
            double ai = raw[2 * c + 1];
            for (int iy = 0; iy < h[c]; iy++) {
                long start = item.index(0, y0[c] + iy, x0[c]);
                item.load(start, row, 0, w[c]);
                int go = iy * w[c];
                for (int ix = 0; ix < w[c]; ix++) {
                    row[2 * ix] += g[go + ix] * ar;
                    row[2 * ix + 1] += g[go + ix] * ai;
                }
                item.store(start, row, 0, w[c]);
            }
        }
    }
}
