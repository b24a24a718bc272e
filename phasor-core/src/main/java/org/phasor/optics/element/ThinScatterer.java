package org.phasor.optics.element;

import org.phasor.optics.Grid;

import java.util.SplittableRandom;

/**
 * A thin random phase screen (a diffuser, a piece of tape): t = exp(iφ) with φ a seeded Gaussian random field of
 * zero mean and standard deviation {@code strength} radians, correlated over {@code correlationLength} metres.
 * White Gaussian noise is smoothed by a Gaussian kernel of standard deviation correlationLength (periodic
 * boundary, separable), then rescaled to the requested standard deviation. Same (grid, seed, parameters) =
 * same screen.
 */
public final class ThinScatterer extends DiagonalElement {
    private final double[] phase;

    /**
     * @param correlationLength σ of the smoothing Gaussian, metres (0: uncorrelated from pixel to pixel)
     * @param strength          standard deviation of the phase, radians
     * @param seed              random seed
     */
    public ThinScatterer(Grid grid, double correlationLength, double strength, long seed) {
        super(grid);
        if (!(correlationLength >= 0) || !Double.isFinite(correlationLength)) {
            throw new IllegalArgumentException("scatterer correlation length must be ≥ 0 metres, got " + correlationLength);
        }
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("scatterer phase strength must be ≥ 0 radians, got " + strength);
        }
        int nx = grid.nx();
        int ny = grid.ny();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] n = new double[nx * ny];
        for (int i = 0; i < n.length; i++) {
            n[i] = rnd.nextGaussian();
        }
        if (correlationLength > 0) {
            n = smooth(n, nx, ny, correlationLength / grid.dx(), true);
            n = smooth(n, nx, ny, correlationLength / grid.dy(), false);
        }
        double mean = 0;
        for (double v : n) {
            mean += v;
        }
        mean /= n.length;
        double var = 0;
        for (double v : n) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / n.length);
        this.phase = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            phase[i] = sd > 0 ? strength * (n[i] - mean) / sd : 0;
            t[2 * i] = Math.cos(phase[i]);
            t[2 * i + 1] = Math.sin(phase[i]);
        }
    }

    /** A copy of the phase screen φ, radians. */
    public double[] phase() {
        return phase.clone();
    }

    /** Periodic 1-D Gaussian smoothing along x ({@code alongX}) or y, kernel σ in samples. */
    private static double[] smooth(double[] v, int nx, int ny, double sigma, boolean alongX) {
        int n = alongX ? nx : ny;
        int half = (int) Math.min(n / 2, Math.ceil(4 * sigma));
        double[] k = new double[2 * half + 1];
        double s = 0;
        for (int i = -half; i <= half; i++) {
            k[i + half] = Math.exp(-0.5 * i * i / (sigma * sigma));
            s += k[i + half];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        double[] out = new double[v.length];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double acc = 0;
                for (int i = -half; i <= half; i++) {
                    int sx = alongX ? Math.floorMod(x + i, nx) : x;
                    int sy = alongX ? y : Math.floorMod(y + i, ny);
                    acc += k[i + half] * v[sy * nx + sx];
                }
                out[y * nx + x] = acc;
            }
        }
        return out;
    }
}
