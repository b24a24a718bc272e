package org.phasor.math;

/**
 * Eigen-decomposition A = V·diag(λ)·Vᵀ of a small dense real symmetric matrix by the cyclic Jacobi method.
 * Jacobi is slow for large n (O(n³) per sweep, typically 6–10 sweeps) but unconditionally accurate for
 * symmetric matrices, small to write and has no dependencies; Phasor uses it for matrices of a few hundred
 * rows at most (fibre-mode Gram matrices, feature covariances of the Fréchet distance).
 *
 * @param values  eigenvalues in ascending order
 * @param vectors row-major n×n matrix whose column j is the unit eigenvector of {@code values[j]}
 */
public record SymmetricEigen(double[] values, double[] vectors) {

    /** Decomposes the row-major n×n symmetric matrix {@code a} (not modified). Asymmetry beyond 1e-9 relative is an error. */
    public static SymmetricEigen of(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("expected an " + n + "x" + n + " matrix, got " + a.length + " values");
        }
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i * n + j] - a[j * n + i]) > 1e-9 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + "): "
                            + a[i * n + j] + " vs " + a[j * n + i]);
                }
            }
        }
        double[] m = a.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += m[i * n + i] * m[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i * n + j] * m[i * n + j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL) || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, n, p, q);
                }
            }
        }
        // sort ascending, permuting eigenvector columns with their values
        double[] values = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(m[x * n + x], m[y * n + y]));
        double[] vectors = new double[n * n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            values[j] = m[src * n + src];
            for (int i = 0; i < n; i++) {
                vectors[i * n + j] = v[i * n + src];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** One Jacobi rotation zeroing m[p][q] (Numerical Recipes' stable form). */
    private static void rotate(double[] m, double[] v, int n, int p, int q) {
        double apq = m[p * n + q];
        if (apq == 0) {
            return;
        }
        double app = m[p * n + p];
        double aqq = m[q * n + q];
        double theta = (aqq - app) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < n; k++) { // columns p and q: M ← M·J
            double mkp = m[k * n + p];
            double mkq = m[k * n + q];
            m[k * n + p] = c * mkp - s * mkq;
            m[k * n + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) { // rows p and q: M ← Jᵀ·M
            double mpk = m[p * n + k];
            double mqk = m[q * n + k];
            m[p * n + k] = c * mpk - s * mqk;
            m[q * n + k] = s * mpk + c * mqk;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k * n + p];
            double vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }

    public int size() {
        return values.length;
    }

    /** V·diag(f(λ))·Vᵀ, row-major: a matrix function (square root, inverse square root, exponential…). */
    public double[] map(java.util.function.DoubleUnaryOperator f) {
        int n = size();
        double[] fl = new double[n];
        for (int j = 0; j < n; j++) {
            fl[j] = f.applyAsDouble(values[j]);
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += vectors[i * n + j] * fl[j] * vectors[k * n + j];
                }
                out[i * n + k] = s;
            }
        }
        return out;
    }

    /** Largest eigenvalue. */
    public double max() {
        return values[size() - 1];
    }

    /** Smallest eigenvalue. */
    public double min() {
        return values[0];
    }
}
