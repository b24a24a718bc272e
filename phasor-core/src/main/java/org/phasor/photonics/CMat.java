package org.phasor.photonics;

import java.util.SplittableRandom;

/**
 * A small dense complex matrix in double precision, row-major with real and imaginary parts interleaved
 * (EJML's ZMatrixRMaj layout). Photonic meshes are at most a few hundred ports, so these matrices live on
 * the heap; bulk optical fields use {@link org.phasor.math.ComplexArray} instead. Complex vectors elsewhere
 * in this package are plain interleaved {@code double[]} of length {@code 2n}.
 */
public final class CMat {
    private final int rows;
    private final int cols;
    private final double[] data;

    public CMat(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("matrix shape must be positive, got " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = new double[2 * rows * cols];
    }

    public static CMat identity(int n) {
        CMat m = new CMat(n, n);
        for (int i = 0; i < n; i++) {
            m.set(i, i, 1, 0);
        }
        return m;
    }

    /**
     * A Haar-random unitary (Mezzadri, Notices AMS 54, 592 (2007)): Gram–Schmidt of a complex Ginibre matrix,
     * which leaves R with a positive real diagonal, so Q is Haar-distributed. Orthogonalised twice so the
     * result is unitary to ~1e-15 even at n = 64.
     */
    public static CMat haarUnitary(int n, SplittableRandom rng) {
        CMat q = new CMat(n, n);
        for (int i = 0; i < 2 * n * n; i++) {
            q.data[i] = rng.nextGaussian();
        }
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    // <q_k, q_j> = sum conj(q_k) q_j ; q_j -= <q_k,q_j> q_k
                    double dr = 0, di = 0;
                    for (int i = 0; i < n; i++) {
                        double ar = q.re(i, k), ai = q.im(i, k), br = q.re(i, j), bi = q.im(i, j);
                        dr += ar * br + ai * bi;
                        di += ar * bi - ai * br;
                    }
                    for (int i = 0; i < n; i++) {
                        double ar = q.re(i, k), ai = q.im(i, k);
                        q.set(i, j, q.re(i, j) - (dr * ar - di * ai), q.im(i, j) - (dr * ai + di * ar));
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q.re(i, j) * q.re(i, j) + q.im(i, j) * q.im(i, j);
            }
            double s = 1 / Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q.set(i, j, q.re(i, j) * s, q.im(i, j) * s);
            }
        }
        return q;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double re(int r, int c) {
        return data[2 * (r * cols + c)];
    }

    public double im(int r, int c) {
        return data[2 * (r * cols + c) + 1];
    }

    public void set(int r, int c, double re, double im) {
        data[2 * (r * cols + c)] = re;
        data[2 * (r * cols + c) + 1] = im;
    }

    public CMat copy() {
        CMat m = new CMat(rows, cols);
        System.arraycopy(data, 0, m.data, 0, data.length);
        return m;
    }

    /** Column {@code c} as an interleaved vector. */
    public double[] column(int c) {
        double[] v = new double[2 * rows];
        for (int r = 0; r < rows; r++) {
            v[2 * r] = re(r, c);
            v[2 * r + 1] = im(r, c);
        }
        return v;
    }

    /** Sets column {@code c} from an interleaved vector. */
    public void setColumn(int c, double[] v) {
        for (int r = 0; r < rows; r++) {
            set(r, c, v[2 * r], v[2 * r + 1]);
        }
    }

    public CMat times(CMat b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + b.rows + "x" + b.cols);
        }
        CMat out = new CMat(rows, b.cols);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double ar = re(i, k), ai = im(i, k);
                for (int j = 0; j < b.cols; j++) {
                    double br = b.re(k, j), bi = b.im(k, j);
                    int o = 2 * (i * b.cols + j);
                    out.data[o] += ar * br - ai * bi;
                    out.data[o + 1] += ar * bi + ai * br;
                }
            }
        }
        return out;
    }

    /** Mᵀ (no conjugation). */
    public CMat transpose() {
        CMat t = new CMat(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.set(j, i, re(i, j), im(i, j));
            }
        }
        return t;
    }

    /** Mᴴ (conjugate transpose). */
    public CMat adjoint() {
        CMat t = new CMat(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.set(j, i, re(i, j), -im(i, j));
            }
        }
        return t;
    }

    /** max |a_ij − b_ij| over all entries (same shape required). */
    public double maxAbsDiff(CMat b) {
        if (rows != b.rows || cols != b.cols) {
            throw new IllegalArgumentException("shapes differ: " + rows + "x" + cols + " vs " + b.rows + "x" + b.cols);
        }
        double m = 0;
        for (int i = 0; i < data.length; i += 2) {
            m = Math.max(m, Math.hypot(data[i] - b.data[i], data[i + 1] - b.data[i + 1]));
        }
        return m;
    }
}
