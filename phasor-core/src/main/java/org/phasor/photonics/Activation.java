package org.phasor.photonics;

/**
 * Element-wise activation between cores, applied to the field re-loaded into the next core. Backward uses
 * the Wirtinger rule for a non-holomorphic f (PHYSICS.md):
 * <pre>∂L/∂z* = g·conj(∂f/∂z) + conj(g)·∂f/∂z*,   g = ∂L/∂f*</pre>
 * so the error field is multiplied by the activation's derivative taken at the recorded data-pass input
 * (nonlinear FFM).
 *
 * @param kind     "none" or "kerr"
 * @param strength β of the Kerr-like f(z) = z·exp(iβ|z|²) (the FFM code's second activation)
 */
public record Activation(String kind, double strength) {

    public Activation {
        if (!kind.equals("none") && !kind.equals("kerr")) {
            throw new IllegalArgumentException("unknown activation '" + kind + "' (none, kerr)");
        }
    }

    public static Activation none() {
        return new Activation("none", 0);
    }

    public static Activation kerr(double beta) {
        return new Activation("kerr", beta);
    }

    /** out[0..2n) = f(z[0..2n)). */
    public void forward(double[] z, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double zr = z[2 * i], zi = z[2 * i + 1];
            if (kind.equals("none")) {
                out[2 * i] = zr;
                out[2 * i + 1] = zi;
            } else {
                double ph = strength * (zr * zr + zi * zi), c = Math.cos(ph), s = Math.sin(ph);
                out[2 * i] = zr * c - zi * s;
                out[2 * i + 1] = zr * s + zi * c;
            }
        }
    }

    /** gz = ∂L/∂z* from g = ∂L/∂f* at the recorded inputs z (first n complex entries). */
    public void backward(double[] z, double[] g, double[] gz, int n) {
        for (int i = 0; i < n; i++) {
            double gr = g[2 * i], gi = g[2 * i + 1];
            if (kind.equals("none")) {
                gz[2 * i] = gr;
                gz[2 * i + 1] = gi;
                continue;
            }
            double zr = z[2 * i], zi = z[2 * i + 1];
            double ph = strength * (zr * zr + zi * zi), c = Math.cos(ph), s = Math.sin(ph);
            // ∂f/∂z = e^{iφ}(1 + iβ|z|²);  ∂f/∂z* = e^{iφ}·iβ·z²
            double dr = c - s * ph, di = s + c * ph;
            double z2r = zr * zr - zi * zi, z2i = 2 * zr * zi;
            double er = -strength * (s * z2r + c * z2i), ei = strength * (c * z2r - s * z2i); // e^{iφ}·iβ·z²
            // g·conj(d) + conj(g)·e
            gz[2 * i] = gr * dr + gi * di + gr * er + gi * ei;
            gz[2 * i + 1] = gi * dr - gr * di + gr * ei - gi * er;
        }
    }
}
