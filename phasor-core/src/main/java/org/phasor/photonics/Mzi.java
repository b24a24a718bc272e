package org.phasor.photonics;

/**
 * The Mach–Zehnder interferometer of the meshes, as built from its parts (in propagation order on modes
 * (a, b) = (m, m+1)): external phase shifter φ on mode a, directional coupler B(η₁), internal phase shifter θ
 * on mode a, directional coupler B(η₂). A coupler with power splitting ratio η is
 * <pre>B(η) = [[√η, i√(1−η)], [i√(1−η), √η]]</pre>
 * (symmetric, so reciprocal). With ideal 50:50 couplers the product is
 * <pre>T(θ, φ) = i·e^{iθ/2} · [[e^{iφ}·sin(θ/2), cos(θ/2)], [e^{iφ}·cos(θ/2), −sin(θ/2)]]</pre>
 * which is what the decompositions assume; a chip with η ≠ ½ differs, and that difference is what makes
 * computer-designed settings deploy badly.
 *
 * <p>This class holds the closed-form 2×2 algebra used by {@link Decomposition}: the ideal T, the choice of
 * (θ, φ) that nulls one matrix element, and the re-factorisation of a 2×2 unitary as diag(e^{iα}, e^{iβ})·T.
 * 2×2 matrices are interleaved double[8]: (00, 01, 10, 11).
 */
public final class Mzi {
    private Mzi() {
    }

    /** The ideal (50:50 couplers) MZI transfer matrix T(θ, φ), interleaved [t00, t01, t10, t11]. */
    public static double[] ideal(double theta, double phi) {
        double s = Math.sin(theta / 2), c = Math.cos(theta / 2);
        double gArg = Math.PI / 2 + theta / 2;              // arg(i·e^{iθ/2})
        double[] t = new double[8];
        put(t, 0, s, gArg + phi);
        put(t, 1, c, gArg);
        put(t, 2, c, gArg + phi);
        put(t, 3, -s, gArg);
        return t;
    }

    private static void put(double[] t, int k, double mag, double arg) {
        t[2 * k] = mag * Math.cos(arg);
        t[2 * k + 1] = mag * Math.sin(arg);
    }

    /**
     * (θ, φ) such that (T·W)[lower row] has a zero in the column whose entries are {@code a} (upper row) and
     * {@code b} (lower row): e^{iφ}·cos(θ/2)·a = sin(θ/2)·b.
     */
    public static double[] nullFromLeft(double aRe, double aIm, double bRe, double bIm) {
        double theta = 2 * Math.atan2(Math.hypot(aRe, aIm), Math.hypot(bRe, bIm));
        double phi = Math.atan2(bIm, bRe) - Math.atan2(aIm, aRe);
        return new double[] {theta, phi};
    }

    /**
     * (θ, φ) such that (W·T⁻¹) has a zero at the left column of a row whose entries are {@code a} (left
     * column) and {@code b} (right column): a·e^{−iφ}·sin(θ/2) = −b·cos(θ/2).
     */
    public static double[] nullFromRight(double aRe, double aIm, double bRe, double bIm) {
        double theta = 2 * Math.atan2(Math.hypot(bRe, bIm), Math.hypot(aRe, aIm));
        double phi = Math.atan2(aIm, aRe) - Math.atan2(bIm, bRe) + Math.PI;
        return new double[] {theta, phi};
    }

    /**
     * Factorises a 2×2 unitary V as diag(e^{iα}, e^{iβ})·T(θ, φ); returns {α, β, θ, φ}. Exact for any unitary
     * V (U(2) has four real parameters, as does the right side). The branch uses the larger of sin(θ/2) and
     * cos(θ/2) to fix the phases so that no division by a small number occurs.
     */
    public static double[] splitPhases(double[] v) {
        double m00 = Math.hypot(v[0], v[1]), m01 = Math.hypot(v[2], v[3]);
        double theta = 2 * Math.atan2(m00, m01);
        double s = Math.sin(theta / 2), c = Math.cos(theta / 2);
        double gArg = Math.PI / 2 + theta / 2;
        double a00 = Math.atan2(v[1], v[0]), a01 = Math.atan2(v[3], v[2]);
        double a10 = Math.atan2(v[5], v[4]), a11 = Math.atan2(-v[7], -v[6]); // arg(−V11)
        double alpha, beta, phi;
        if (c >= s) {
            alpha = a01 - gArg;
            double betaPlusPhi = a10 - gArg;
            phi = s > 0 ? a00 - alpha - gArg : 0;
            beta = betaPlusPhi - phi;
        } else {
            beta = a11 - gArg;
            double alphaPlusPhi = a00 - gArg;
            phi = c > 0 ? a10 - beta - gArg : 0;
            alpha = alphaPlusPhi - phi;
        }
        return new double[] {alpha, beta, theta, phi};
    }

    /** Wraps an angle into [0, 2π). */
    public static double wrap(double a) {
        double w = a % (2 * Math.PI);
        return w < 0 ? w + 2 * Math.PI : w;
    }
}
