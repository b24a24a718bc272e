package org.phasor.bench;

import org.phasor.math.GaussianKernel;

/**
 * A modulator's pixel crosstalk as the lab models it: the phase a pixel shows is the programmed phase blurred by a
 * separable Gaussian of {@code sigmaX} × {@code sigmaY} pixels (fringing fields between liquid-crystal pixels), the
 * kernel sampled on the pixels and normalised, edges clamped. {@link #NONE} is no blur.
 *
 * <p>Why FFM needs it: FFM measures ∂L/∂φ for the phase the panel actually shows; the phase a method programs is
 * blurred on its way there, so the gradient it needs is the blur's transpose of the measured one
 * ({@link #transpose}). Leaving it out over-weights the fine structure of the gradient, which the blur
 * suppresses on the panel (the `lab` profile's 0.6 px keeps a third of a pixel-to-pixel pattern) — still a descent
 * direction, but a wrong one once the mask is rough. {@link CrosstalkCalibration} measures the widths on the bench.
 */
public record Crosstalk(double sigmaX, double sigmaY) {
    public static final Crosstalk NONE = new Crosstalk(0, 0);

    public Crosstalk {
        if (!(sigmaX >= 0 && sigmaX <= 100) || !(sigmaY >= 0 && sigmaY <= 100)) {
            throw new IllegalArgumentException("crosstalk widths must lie in [0, 100] px, got " + sigmaX + " x "
                    + sigmaY);
        }
    }

    /** Stripes of {@link #PERIOD} pixels (two at one level, two at another) are what the calibration shows. */
    static final int PERIOD = 4;

    /** How much of the stripes' fundamental the blur of width σ keeps: Σ_i k_i·cos(2πi/{@link #PERIOD}). */
    static double stripeGain(double sigma) {
        double[] k = GaussianKernel.sampled(sigma);
        int r = k.length / 2;
        double g = 0;
        for (int i = -r; i <= r; i++) {
            g += k[i + r] * Math.cos(2 * Math.PI * i / PERIOD);
        }
        return g;
    }

    /** The smaller of the two axes' {@link #stripeGain}: how much of 4-px stripes the panel still shows. */
    public double stripeGain() {
        return Math.min(stripeGain(sigmaX), stripeGain(sigmaY));
    }

    /**
     * Widest blur {@link #sigmaForStripeGain} resolves (it keeps 2 % of the stripes' fundamental); a wider one is
     * reported as this.
     */
    static final double WIDEST_PX = 2.0;

    /**
     * The width whose blur keeps {@code gain} of the stripes' fundamental (the inverse of {@link #stripeGain}, by
     * bisection): 0 for a gain of 1 or more, {@link #WIDEST_PX} for a gain at or below that width's. Below ~0.3 px
     * a sampled Gaussian is one pixel (gain 1 − 1e-5), so small widths are ill-conditioned and harmless.
     */
    static double sigmaForStripeGain(double gain) {
        if (gain >= 1) {
            return 0;
        }
        double lo = 0;
        double hi = WIDEST_PX;
        if (gain <= stripeGain(hi)) {
            return hi;
        }
        for (int it = 0; it < 60; it++) {
            double mid = 0.5 * (lo + hi);
            if (stripeGain(mid) > gain) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Bᵀ·g for a map g over the panel's pixels (nx×ny, row-major): scatter with the blur's weights. */
    public double[] transpose(double[] g, int nx, int ny) {
        if (equals(NONE)) {
            return g;
        }
        double[] kx = GaussianKernel.sampled(sigmaX);
        double[] ky = GaussianKernel.sampled(sigmaY);
        int rx = kx.length / 2;
        int ry = ky.length / 2;
        double[] tmp = new double[g.length];
        double[] out = new double[g.length];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double v = g[y * nx + x];
                for (int k = -ry; k <= ry; k++) {
                    tmp[Math.clamp(y + k, 0, ny - 1) * nx + x] += ky[k + ry] * v;
                }
            }
        }
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double v = tmp[y * nx + x];
                for (int k = -rx; k <= rx; k++) {
                    out[y * nx + Math.clamp(x + k, 0, nx - 1)] += kx[k + rx] * v;
                }
            }
        }
        return out;
    }

    /** B·φ: the phases the panel shows for programmed phases φ (nx×ny), edges clamped. */
    public double[] apply(double[] phi, int nx, int ny) {
        if (equals(NONE)) {
            return phi;
        }
        double[] kx = GaussianKernel.sampled(sigmaX);
        double[] ky = GaussianKernel.sampled(sigmaY);
        int rx = kx.length / 2;
        int ry = ky.length / 2;
        double[] tmp = new double[phi.length];
        double[] out = new double[phi.length];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double s = 0;
                for (int k = -rx; k <= rx; k++) {
                    s += kx[k + rx] * phi[y * nx + Math.clamp(x + k, 0, nx - 1)];
                }
                tmp[y * nx + x] = s;
            }
        }
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double s = 0;
                for (int k = -ry; k <= ry; k++) {
                    s += ky[k + ry] * tmp[Math.clamp(y + k, 0, ny - 1) * nx + x];
                }
                out[y * nx + x] = s;
            }
        }
        return out;
    }
}
