package org.phasor.model;

/**
 * Intensity-dependent phase of a thin Kerr-like medium with saturation, as in the FFM authors' nonlinear code:
 * <pre>  f(y) = y·exp( iπ·s/(1+s) ),   s = |y|²/I_ref</pre>
 * The extra phase grows like π·s for weak light (a Kerr medium, Δφ ∝ n₂·I) and saturates at π for strong light
 * (as photorefractive or thermal media do), so the element stays lossless and the phase bounded.
 *
 * @param intensityScale I_ref, the intensity at which the nonlinear phase reaches π/2
 */
public record KerrPhase(double intensityScale) implements Activation {

    public KerrPhase {
        if (!(intensityScale > 0) || !Double.isFinite(intensityScale)) {
            throw new IllegalArgumentException("kerr activation intensity scale must be positive, got " + intensityScale);
        }
    }

    @Override
    public void response(double s, double[] out) {
        double q = 1 / (1 + s);
        double phi = Math.PI * s * q;
        double c = Math.cos(phi);
        double sn = Math.sin(phi);
        out[0] = c;
        out[1] = sn;
        double dphi = Math.PI * q * q; // d/ds [π s/(1+s)]
        out[2] = -sn * dphi; // h' = i·h·φ'
        out[3] = c * dphi;
    }

    @Override
    public String name() {
        return "kerr";
    }
}
