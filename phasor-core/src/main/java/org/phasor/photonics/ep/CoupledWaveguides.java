package org.phasor.photonics.ep;

/**
 * Two coupled waveguides with a gain/loss contrast and a detuning (coupled-mode theory, time dependence
 * exp(−iωt), so a forward mode goes as exp(+iβz)):
 * <pre>dA/dz = i·H·A,   H = [[δ + iγ/2, κ], [κ, −δ − iγ/2]]</pre>
 * Waveguide 1 loses amplitude at γ/2, waveguide 2 gains at γ/2 (PT-symmetric when δ = 0). H is symmetric
 * (reciprocal, non-Hermitian), its eigenvalues are ±λ with λ = √(κ² + (δ + iγ/2)²), and they coalesce —
 * an exceptional point (EP) — at δ = 0, γ = 2κ. This is the FFM authors' parametrisation (their code: κ =
 * 1.9 cm⁻¹, trainable γ, 15 propagation steps of 0.1 cm), so the EP is at γ = 3.8 cm⁻¹, δ = 0; the search
 * here controls (γ, δ) with κ fixed by fabrication.
 *
 * <p>Each step uses the exact matrix exp(iHΔz) = cos(λΔz)·I + i·sin(λΔz)/λ·H (no splitting error, so the
 * analytic EP is the device's EP). Complex numbers are double[2].
 */
public record CoupledWaveguides(double kappa, int steps, double dz) {

    public static CoupledWaveguides paper() {
        return new CoupledWaveguides(1.9, 15, 0.1);
    }

    /** The analytic EP {γ, δ}. */
    public double[] exceptionalPoint() {
        return new double[] {2 * kappa, 0};
    }

    public double length() {
        return steps * dz;
    }

    /** λ = √(κ² + (δ + iγ/2)²) (principal root), the positive-branch eigenvalue of H. */
    public double[] eigenvalue(double gamma, double delta) {
        double ar = delta, ai = gamma / 2;
        double re = kappa * kappa + ar * ar - ai * ai, im = 2 * ar * ai;
        return csqrt(re, im);
    }

    /** The step matrix exp(iHΔz) as interleaved 2×2 [00, 01, 10, 11] (symmetric: 01 = 10). */
    public double[] stepMatrix(double gamma, double delta) {
        double[] lam = eigenvalue(gamma, delta);
        double xr = lam[0] * dz, xi = lam[1] * dz;
        // cos(x), sin(x)/λ for complex x = λΔz
        double cr = Math.cos(xr) * Math.cosh(xi), ci = -Math.sin(xr) * Math.sinh(xi);
        double sr, si;
        double mag = Math.hypot(lam[0], lam[1]);
        if (mag * dz < 1e-4) {
            // sin(λΔz)/λ ≈ Δz·(1 − (λΔz)²/6)
            double x2r = xr * xr - xi * xi, x2i = 2 * xr * xi;
            sr = dz * (1 - x2r / 6);
            si = dz * (-x2i / 6);
        } else {
            double snr = Math.sin(xr) * Math.cosh(xi), sni = Math.cos(xr) * Math.sinh(xi);
            double d = lam[0] * lam[0] + lam[1] * lam[1];
            sr = (snr * lam[0] + sni * lam[1]) / d;
            si = (sni * lam[0] - snr * lam[1]) / d;
        }
        // i·(sin/λ)·H, H00 = δ + iγ/2, H01 = κ, H11 = −H00
        double isr = -si, isi = sr;  // i·(sr + i si)
        double h0r = delta, h0i = gamma / 2;
        double p00r = isr * h0r - isi * h0i, p00i = isr * h0i + isi * h0r;
        return new double[] {
            cr + p00r, ci + p00i,
            isr * kappa, isi * kappa,
            isr * kappa, isi * kappa,
            cr - p00r, ci - p00i};
    }

    static double[] csqrt(double re, double im) {
        double m = Math.hypot(re, im);
        double r = Math.sqrt((m + re) / 2);
        double i = Math.copySign(Math.sqrt(Math.max(0, (m - re) / 2)), im);
        return new double[] {r, i};
    }
}
