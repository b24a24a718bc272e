package org.phasor.photonics;

/**
 * Takagi factorisation of a symmetric unitary, S = V·Vᵀ with V unitary, and the heater phases that make a
 * folded {@link SymmetricCore} (ideal parts, lossless uniform mirror) equal S.
 *
 * <p>For S symmetric and unitary, A = Re S and B = Im S are real symmetric and commute (S·conj(S) = I gives
 * A² + B² = I and AB = BA), so one real orthogonal Q diagonalises both: S = Q·diag(e^{iθ})·Qᵀ, and
 * V = Q·diag(e^{iθ/2}). Q comes from the cyclic Jacobi eigenvalue method on A + c·B with an irrational c
 * (distinct joint eigenvalues of A and B stay distinct). The folded core computes AᵀA for its mesh A, so the
 * mesh is programmed with A = Vᵀ.
 */
public final class Takagi {
    private static final double C = 0.5 * (Math.sqrt(5) - 1); // irrational mixing weight

    private Takagi() {
    }

    /** V with S = V·Vᵀ. */
    public static CMat factor(CMat s) {
        int n = s.rows();
        if (s.cols() != n || s.maxAbsDiff(s.transpose()) > 1e-10 || s.times(s.adjoint()).maxAbsDiff(CMat.identity(n)) > 1e-10) {
            throw new IllegalArgumentException("Takagi factorisation here needs a symmetric unitary matrix (" + n + "x" + s.cols() + ")");
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = s.re(i, j) + C * s.im(i, j);
            }
        }
        double[][] q = jacobiEigenvectors(m);
        // e^{iθ_k} = (Qᵀ S Q)_kk
        CMat v = new CMat(n, n);
        for (int k = 0; k < n; k++) {
            double dr = 0, di = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double w = q[i][k] * q[j][k];
                    dr += w * s.re(i, j);
                    di += w * s.im(i, j);
                }
            }
            double half = Math.atan2(di, dr) / 2, cr = Math.cos(half), ci = Math.sin(half);
            for (int i = 0; i < n; i++) {
                v.set(i, k, q[i][k] * cr, q[i][k] * ci);
            }
        }
        return v;
    }

    /** Heater phases of {@code layout} for which the ideal folded core equals the symmetric unitary S. */
    public static double[] programSymmetric(CMat s, MeshLayout layout) {
        return Decomposition.program(factor(s).transpose(), layout);
    }

    /** Columns = orthonormal eigenvectors of the real symmetric m (destroyed). Cyclic Jacobi rotations. */
    static double[][] jacobiEigenvectors(double[][] m) {
        int n = m.length;
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    total += m[i][j] * m[i][j];
                    if (i != j) {
                        off += m[i][j] * m[i][j];
                    }
                }
            }
            if (off <= 1e-30 * total) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int r = p + 1; r < n; r++) {
                    if (m[p][r] == 0) {
                        continue;
                    }
                    double theta = (m[r][r] - m[p][p]) / (2 * m[p][r]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), sn = t * c;
                    for (int k = 0; k < n; k++) {       // m ← m·J
                        double a = m[k][p], b = m[k][r];
                        m[k][p] = c * a - sn * b;
                        m[k][r] = sn * a + c * b;
                    }
                    for (int k = 0; k < n; k++) {       // m ← Jᵀ·m
                        double a = m[p][k], b = m[r][k];
                        m[p][k] = c * a - sn * b;
                        m[r][k] = sn * a + c * b;
                    }
                    for (int k = 0; k < n; k++) {       // q ← q·J
                        double a = q[k][p], b = q[k][r];
                        q[k][p] = c * a - sn * b;
                        q[k][r] = sn * a + c * b;
                    }
                }
            }
        }
        return q;
    }
}
