package org.phasor.photonics;

import java.util.ArrayList;
import java.util.List;

/**
 * Programs a target unitary onto a mesh of ideal MZIs ({@link Mzi#ideal}) by nulling matrix elements.
 * <ul>
 * <li>Clements et al., Optica 3, 1460 (2016): alternately null the lower triangle from the right (U·T⁻¹) and
 * from the left (T·U) along anti-diagonals, leaving a diagonal D; the left factors are then moved through D
 * with T⁻¹·D = D'·T' ({@link Mzi#splitPhases}) so every MZI sits before one output phase screen.</li>
 * <li>Reck et al., PRL 73, 58 (1994): null each row from the right only, bottom row first.</li>
 * </ul>
 * The result is the heater phases of the matching {@link MeshLayout}: θ and φ in [0, 2π) style angles (not
 * wrapped) and the output phases. The schedules below are the structural part (which modes each MZI
 * couples, in which order) and are shared with the layouts.
 */
public final class Decomposition {
    private Decomposition() {
    }

    /** Upper modes of the MZIs in the order light meets them, Clements layout. */
    static int[] clementsSchedule(int n) {
        List<Integer> right = new ArrayList<>(), left = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (i % 2 == 1) {
                for (int j = 0; j < i; j++) {
                    right.add(i - 1 - j);
                }
            } else {
                for (int j = 1; j <= i; j++) {
                    left.add(n + j - i - 2);
                }
            }
        }
        int[] out = new int[right.size() + left.size()];
        int p = 0;
        for (int m : right) {
            out[p++] = m;
        }
        for (int q = left.size() - 1; q >= 0; q--) {
            out[p++] = left.get(q);
        }
        return out;
    }

    /** Upper modes of the MZIs in the order light meets them, Reck layout. */
    static int[] reckSchedule(int n) {
        int[] out = new int[n * (n - 1) / 2];
        int p = 0;
        for (int r = n - 1; r >= 1; r--) {
            for (int j = 0; j < r; j++) {
                out[p++] = j;
            }
        }
        return out;
    }

    /** Heater phases (layout numbering) that make the ideal mesh equal {@code u}. */
    public static double[] program(CMat u, MeshLayout layout) {
        int n = layout.modes();
        if (u.rows() != n || u.cols() != n) {
            throw new IllegalArgumentException("target is " + u.rows() + "x" + u.cols() + " but the mesh has " + n + " modes");
        }
        CMat w = u.copy();
        List<double[]> right = new ArrayList<>();   // {m, θ, φ}
        List<double[]> left = new ArrayList<>();
        switch (layout.name()) {
            case "clements" -> {
                for (int i = 1; i < n; i++) {
                    if (i % 2 == 1) {
                        for (int j = 0; j < i; j++) {
                            right.add(nullRight(w, n - 1 - j, i - 1 - j));
                        }
                    } else {
                        for (int j = 1; j <= i; j++) {
                            left.add(nullLeft(w, n + j - i - 1, j - 1));
                        }
                    }
                }
            }
            case "reck" -> {
                for (int r = n - 1; r >= 1; r--) {
                    for (int j = 0; j < r; j++) {
                        right.add(nullRight(w, r, j));
                    }
                }
            }
            default -> throw new IllegalArgumentException("no decomposition for layout '" + layout.name() + "'");
        }
        // w is now diagonal: D. Move the left factors through it (closest to D first).
        double[] d = new double[2 * n];
        for (int i = 0; i < n; i++) {
            d[2 * i] = w.re(i, i);
            d[2 * i + 1] = w.im(i, i);
        }
        List<double[]> order = new ArrayList<>(right);
        for (int q = left.size() - 1; q >= 0; q--) {
            double[] op = left.get(q);
            int m = (int) op[0];
            double[] tinv = inverse(Mzi.ideal(op[1], op[2]));
            double[] v = timesDiag(tinv, d[2 * m], d[2 * m + 1], d[2 * m + 2], d[2 * m + 3]);
            double[] ab = Mzi.splitPhases(v);
            d[2 * m] = Math.cos(ab[0]);
            d[2 * m + 1] = Math.sin(ab[0]);
            d[2 * m + 2] = Math.cos(ab[1]);
            d[2 * m + 3] = Math.sin(ab[1]);
            order.add(new double[] {m, ab[2], ab[3]});
        }
        double[] phases = new double[layout.heaters()];
        for (int k = 0; k < layout.mzis(); k++) {
            double[] op = order.get(layout.scheduleIndex()[k]);
            if ((int) op[0] != layout.mode()[k]) {
                throw new IllegalStateException("decomposition and layout disagree at MZI " + k);
            }
            phases[layout.thetaHeater(k)] = op[1];
            phases[layout.phiHeater(k)] = op[2];
        }
        for (int i = 0; i < n; i++) {
            phases[layout.outputHeater(i)] = Math.atan2(d[2 * i + 1], d[2 * i]);
        }
        return phases;
    }

    /** Nulls w[r][m] using column m+1: w ← w·T⁻¹ on columns (m, m+1). */
    private static double[] nullRight(CMat w, int r, int m) {
        double[] tp = Mzi.nullFromRight(w.re(r, m), w.im(r, m), w.re(r, m + 1), w.im(r, m + 1));
        double[] ti = inverse(Mzi.ideal(tp[0], tp[1]));
        for (int i = 0; i < w.rows(); i++) {
            double ar = w.re(i, m), ai = w.im(i, m), br = w.re(i, m + 1), bi = w.im(i, m + 1);
            w.set(i, m, mulRe(ar, ai, ti, 0) + mulRe(br, bi, ti, 2), mulIm(ar, ai, ti, 0) + mulIm(br, bi, ti, 2));
            w.set(i, m + 1, mulRe(ar, ai, ti, 1) + mulRe(br, bi, ti, 3), mulIm(ar, ai, ti, 1) + mulIm(br, bi, ti, 3));
        }
        w.set(r, m, 0, 0); // exactly zero by construction; remove the rounding residue
        return new double[] {m, tp[0], tp[1]};
    }

    /** Nulls w[k][c] using row k−1: w ← T·w on rows (k−1, k). */
    private static double[] nullLeft(CMat w, int k, int c) {
        int m = k - 1;
        double[] tp = Mzi.nullFromLeft(w.re(m, c), w.im(m, c), w.re(k, c), w.im(k, c));
        double[] t = Mzi.ideal(tp[0], tp[1]);
        for (int j = 0; j < w.cols(); j++) {
            double ar = w.re(m, j), ai = w.im(m, j), br = w.re(k, j), bi = w.im(k, j);
            w.set(m, j, mulRe(ar, ai, t, 0) + mulRe(br, bi, t, 1), mulIm(ar, ai, t, 0) + mulIm(br, bi, t, 1));
            w.set(k, j, mulRe(ar, ai, t, 2) + mulRe(br, bi, t, 3), mulIm(ar, ai, t, 2) + mulIm(br, bi, t, 3));
        }
        w.set(k, c, 0, 0);
        return new double[] {m, tp[0], tp[1]};
    }

    private static double mulRe(double xr, double xi, double[] t, int e) {
        return xr * t[2 * e] - xi * t[2 * e + 1];
    }

    private static double mulIm(double xr, double xi, double[] t, int e) {
        return xr * t[2 * e + 1] + xi * t[2 * e];
    }

    /** Inverse of a 2×2 unitary = conjugate transpose. */
    private static double[] inverse(double[] t) {
        return new double[] {t[0], -t[1], t[4], -t[5], t[2], -t[3], t[6], -t[7]};
    }

    private static double[] timesDiag(double[] t, double d0r, double d0i, double d1r, double d1i) {
        return new double[] {
            t[0] * d0r - t[1] * d0i, t[0] * d0i + t[1] * d0r,
            t[2] * d1r - t[3] * d1i, t[2] * d1i + t[3] * d1r,
            t[4] * d0r - t[5] * d0i, t[4] * d0i + t[5] * d0r,
            t[6] * d1r - t[7] * d1i, t[6] * d1i + t[7] * d1r};
    }
}
