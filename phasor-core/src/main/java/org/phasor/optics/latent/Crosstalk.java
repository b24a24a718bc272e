package org.phasor.optics.latent;

import org.phasor.math.SymmetricEigen;

import java.util.Locale;

/**
 * Coherent mixing between the K channels of a fibre bundle, a K×K complex matrix C (row-major re and im
 * parts): amplitude a_k leaving the bundle is Σ_j C_kj·a_j of what entered. A passive bundle has no gain, so
 * its largest singular value must be ≤ 1; that is checked at construction. Coupling between neighbouring
 * cores of a lossless reciprocal bundle is C = exp(i·κ·A) with A the (real symmetric) adjacency matrix of
 * neighbouring cores: unitary (no loss) and symmetric (Cᵀ = C, reciprocal).
 */
public record Crosstalk(int channels, double[] re, double[] im) {

    public Crosstalk {
        if (re.length != channels * channels || im.length != channels * channels) {
            throw new IllegalArgumentException("crosstalk matrix must be " + channels + "x" + channels + ", got "
                    + re.length + " real and " + im.length + " imaginary values");
        }
        re = re.clone();
        im = im.clone();
        double s = largestSingularValue(channels, re, im);
        if (s > 1 + 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "crosstalk matrix has gain: largest singular value %.6g > 1 (a passive bundle cannot amplify)", s));
        }
    }

    /** No mixing. */
    public static Crosstalk none(int channels) {
        double[] re = new double[channels * channels];
        for (int i = 0; i < channels; i++) {
            re[i * channels + i] = 1;
        }
        return new Crosstalk(channels, re, new double[channels * channels]);
    }

    /**
     * Lossless reciprocal nearest-neighbour coupling C = exp(i·κ·A): cores whose centres lie within 1.01× the
     * smallest centre distance of the face are neighbours. A fraction sin²(κ) of a lone pair's power swaps
     * cores (coupled-mode theory over a fixed length).
     */
    public static Crosstalk nearestNeighbour(FibreFace face, double kappa) {
        int k = face.channels();
        double dmin = Double.POSITIVE_INFINITY;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                dmin = Math.min(dmin, Math.hypot(face.x(a) - face.x(b), face.y(a) - face.y(b)));
            }
        }
        double[] adj = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (Math.hypot(face.x(a) - face.x(b), face.y(a) - face.y(b)) <= 1.01 * dmin) {
                    adj[a * k + b] = 1;
                    adj[b * k + a] = 1;
                }
            }
        }
        SymmetricEigen e = SymmetricEigen.of(adj, k);
        return new Crosstalk(k, e.map(l -> Math.cos(kappa * l)), e.map(l -> Math.sin(kappa * l)));
    }

    /** Cᵀ (the bundle used in the reverse direction). */
    public Crosstalk transpose() {
        double[] tr = new double[re.length];
        double[] ti = new double[im.length];
        for (int i = 0; i < channels; i++) {
            for (int j = 0; j < channels; j++) {
                tr[j * channels + i] = re[i * channels + j];
                ti[j * channels + i] = im[i * channels + j];
            }
        }
        return new Crosstalk(channels, tr, ti);
    }

    /** Largest singular value: sqrt of the largest eigenvalue of CᴴC, via its real symmetric 2K embedding. */
    static double largestSingularValue(int k, double[] re, double[] im) {
        double[] hr = new double[k * k];
        double[] hi = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sr = 0;
                double si = 0;
                for (int l = 0; l < k; l++) { // (CᴴC)_ij = Σ_l conj(C_li)·C_lj
                    double ar = re[l * k + i];
                    double ai = -im[l * k + i];
                    double br = re[l * k + j];
                    double bi = im[l * k + j];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                hr[i * k + j] = sr;
                hi[i * k + j] = si;
            }
        }
        int n = 2 * k;
        double[] emb = new double[n * n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // symmetrise rounding so the Jacobi solver's symmetry check passes
                double r = 0.5 * (hr[i * k + j] + hr[j * k + i]);
                double m = 0.5 * (hi[i * k + j] - hi[j * k + i]);
                emb[i * n + j] = r;
                emb[(i + k) * n + (j + k)] = r;
                emb[(i + k) * n + j] = m;
                emb[i * n + (j + k)] = -m;
            }
        }
        return Math.sqrt(Math.max(0, SymmetricEigen.of(emb, n).max()));
    }

    /** out ← C·in (interleaved K-vectors); {@code transpose} applies Cᵀ, {@code conjugateTranspose} Cᴴ. */
    void mix(double[] in, double[] out, boolean transpose, boolean conjugate) {
        int k = channels;
        double sign = conjugate ? -1 : 1;
        for (int i = 0; i < k; i++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < k; j++) {
                int idx = transpose ? j * k + i : i * k + j;
                double cr = re[idx];
                double ci = sign * im[idx];
                sr += cr * in[2 * j] - ci * in[2 * j + 1];
                si += cr * in[2 * j + 1] + ci * in[2 * j];
            }
            out[2 * i] = sr;
            out[2 * i + 1] = si;
        }
    }
}
