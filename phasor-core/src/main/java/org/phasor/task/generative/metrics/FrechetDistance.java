package org.phasor.task.generative.metrics;

import org.phasor.math.SymmetricEigen;

/**
 * Fréchet distance between two sets of feature vectors, each summarised by a Gaussian (mean, covariance):
 * <pre>
 *   d² = |μ₁ − μ₂|² + tr(Σ₁ + Σ₂ − 2·(Σ₁^{½} Σ₂ Σ₁^{½})^{½})
 * </pre>
 * (Dowson &amp; Landau 1982; the FID of Heusel et al. 2017 in another feature space). The matrix square roots
 * come from eigen-decompositions of symmetric positive semi-definite matrices ({@link SymmetricEigen}), with
 * round-off negatives clamped to zero; tr((Σ₁^{½} Σ₂ Σ₁^{½})^{½}) equals tr((Σ₁Σ₂)^{½}) without needing a
 * non-symmetric square root. Covariances are unbiased (n − 1).
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** Mean and covariance of n row-major d-dimensional samples. */
    public record Gaussian(int dim, double[] mean, double[] cov) {
        public static Gaussian of(double[] x, int n, int d) {
            if (x.length != n * d || n < 2) {
                throw new IllegalArgumentException("need ≥ 2 samples of dimension " + d + ", got " + x.length + " values for n=" + n);
            }
            double[] mean = new double[d];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    mean[k] += x[i * d + k];
                }
            }
            for (int k = 0; k < d; k++) {
                mean[k] /= n;
            }
            double[] cov = new double[d * d];
            double[] c = new double[d];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    c[k] = x[i * d + k] - mean[k];
                }
                for (int a = 0; a < d; a++) {
                    double ca = c[a];
                    for (int b = a; b < d; b++) {
                        cov[a * d + b] += ca * c[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    double v = cov[a * d + b] / (n - 1);
                    cov[a * d + b] = v;
                    cov[b * d + a] = v;
                }
            }
            return new Gaussian(d, mean, cov);
        }
    }

    /** Fréchet distance (the squared form d², as FID reports it) between two sample sets. */
    public static double between(double[] a, int na, double[] b, int nb, int d) {
        return between(Gaussian.of(a, na, d), Gaussian.of(b, nb, d));
    }

    public static double between(Gaussian p, Gaussian q) {
        int d = p.dim();
        if (q.dim() != d) {
            throw new IllegalArgumentException("feature dimensions differ: " + d + " vs " + q.dim());
        }
        double meanTerm = 0;
        for (int k = 0; k < d; k++) {
            double diff = p.mean()[k] - q.mean()[k];
            meanTerm += diff * diff;
        }
        double[] s1half = SymmetricEigen.of(p.cov(), d).map(l -> Math.sqrt(Math.max(l, 0)));
        double[] m = multiply(multiply(s1half, q.cov(), d), s1half, d);
        for (int i = 0; i < d; i++) { // symmetrise round-off
            for (int j = i + 1; j < d; j++) {
                double v = 0.5 * (m[i * d + j] + m[j * d + i]);
                m[i * d + j] = v;
                m[j * d + i] = v;
            }
        }
        double trSqrt = 0;
        for (double l : SymmetricEigen.of(m, d).values()) {
            trSqrt += Math.sqrt(Math.max(l, 0));
        }
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += p.cov()[i * d + i] + q.cov()[i * d + i];
        }
        return Math.max(0, meanTerm + tr - 2 * trSqrt);
    }

    static double[] multiply(double[] a, double[] b, int d) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double aik = a[i * d + k];
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += aik * b[k * d + j];
                }
            }
        }
        return c;
    }
}
