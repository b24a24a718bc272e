package org.phasor.sim;

import org.phasor.bench.Crosstalk;

/**
 * The physics of one phase modulator as it really is, on its own pixels: device levels → phase through the true
 * response curve (range short of 2π, gamma), blurred by pixel crosstalk, times the panel's aberration (flatness
 * and relay optics, centred on the panel). Where the panel sits — its actual shift and rotation — is an
 * {@link org.phasor.optics.element.InPlaneMotion} applied by the bench around it (T·D·Tᵀ). With no
 * imperfections this is exactly t = exp(i·2π·ℓ/levels) on the nominal pixels.
 */
final class SlmPlane {
    private final int nx;
    private final int ny;
    private final int levels;
    private final Imperfections imp;
    private final double[] aberration; // interleaved exp(iψ)
    private final Crosstalk crosstalk; // the blur of the phase (the same Gaussian model the lab fits)

    SlmPlane(int nx, int ny, int levels, Imperfections imp, double[] zernike) {
        this.nx = nx;
        this.ny = ny;
        this.levels = levels;
        this.imp = imp;
        this.aberration = aberration(nx, ny, zernike);
        this.crosstalk = new Crosstalk(imp.crosstalkPx(), imp.crosstalkPx());
    }

    /** Phase (rad) the device really produces for a level. */
    double truePhase(int level) {
        double x = (double) level / levels;
        return imp.phaseRange() * 2 * Math.PI * (imp.gamma() == 1 ? x : Math.pow(x, imp.gamma()));
    }

    /** The phase each modulator pixel really shows for levels {@code lv}: true response, then crosstalk blur. */
    double[] blurredPhase(int[] lv) {
        double[] lut = new double[levels];
        for (int l = 0; l < levels; l++) {
            lut[l] = truePhase(l);
        }
        double[] phase = new double[nx * ny];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = lut[lv[i]];
        }
        return crosstalk.apply(phase, nx, ny);
    }

    /** D = A ⊙ exp(iφ) on the modulator's own pixels (interleaved) for pixel phases {@code phase} after crosstalk. */
    double[] transmissionOfPhase(double[] phase) {
        double[] t = new double[2 * nx * ny];
        for (int i = 0; i < phase.length; i++) {
            double re = Math.cos(phase[i]);
            double im = Math.sin(phase[i]);
            double ar = aberration[2 * i];
            double ai = aberration[2 * i + 1];
            t[2 * i] = re * ar - im * ai;
            t[2 * i + 1] = re * ai + im * ar;
        }
        return t;
    }

    /**
     * The exact chain rule of {@link #transmissionOfPhase} and the crosstalk blur: given G = ∂L/∂D* on the
     * modulator's pixels (interleaved), returns ∂L/∂φ for the pixel phases before the blur,
     * Bᵀ(−2·Im(s ⊙ A ⊙ conj(G))) with s = exp(iBφ) — the simulator's own adjoint through its hidden
     * imperfections (what no lab can compute; used only by the report-only {@link ExactTwinMethod}).
     */
    double[] phaseGradient(double[] blurredPhase, double[] dLdDConj) {
        double[] g = new double[nx * ny];
        for (int j = 0; j < g.length; j++) {
            double sr = Math.cos(blurredPhase[j]);
            double si = Math.sin(blurredPhase[j]);
            double ar = aberration[2 * j];
            double ai = aberration[2 * j + 1];
            double gr = dLdDConj[2 * j];
            double gi = -dLdDConj[2 * j + 1];
            double pr = sr * ar - si * ai; // s ⊙ A
            double pi = sr * ai + si * ar;
            g[j] = -2 * (pr * gi + pi * gr);
        }
        return crosstalk.transpose(g, nx, ny);
    }

    /** exp(iψ) with ψ = Σ c_j Z_j over the disk inscribed in the grid (Noll-normalised Z4..Z8). */
    static double[] aberration(int nx, int ny, double[] c) {
        double[] a = new double[2 * nx * ny];
        double radius = Math.min(nx, ny) / 2.0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double u = (x - nx / 2) / radius;
                double v = (y - ny / 2) / radius;
                double r2 = u * u + v * v;
                double r = Math.sqrt(r2);
                double th = Math.atan2(v, u);
                double psi = c[0] * Math.sqrt(3) * (2 * r2 - 1)
                        + c[1] * Math.sqrt(6) * r2 * Math.sin(2 * th)
                        + c[2] * Math.sqrt(6) * r2 * Math.cos(2 * th)
                        + c[3] * Math.sqrt(8) * (3 * r2 * r - 2 * r) * Math.sin(th)
                        + c[4] * Math.sqrt(8) * (3 * r2 * r - 2 * r) * Math.cos(th);
                int i = y * nx + x;
                a[2 * i] = Math.cos(psi);
                a[2 * i + 1] = Math.sin(psi);
            }
        }
        return a;
    }
}
