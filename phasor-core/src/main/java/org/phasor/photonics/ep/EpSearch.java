package org.phasor.photonics.ep;

import org.phasor.photonics.bench.ChipBench;
import org.phasor.photonics.bench.CoherentDetection;
import org.phasor.photonics.train.ParticleSwarm;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the exceptional point of a two-port device from measurements only (no model of the device).
 *
 * <p><b>Objective.</b> Launch into each input port and measure the output fields coherently: the columns of
 * the transfer matrix T. Its eigenvalues are e^{i(c ± λ)L}, so cos(λL) = tr T / (2·√det T) (a common gain
 * or loss c drops out) and s = acos(tr T/(2√det T))² = (λL)² estimates the squared eigen-splitting of the
 * propagation law, (λ₊ − λ₋)²·L²/4. The loss is ℒ = |s|², zero exactly at the EP. (Using the splitting of
 * T's own eigenvalues, |(tr T)² − 4 det T|², would be simpler but it saturates where λL = π/2 and has a false
 * basin below γ ≈ 3.2 — the estimate of λ² does not.)
 *
 * <p><b>FFM-style gradient.</b> For a parameter p entering the
 * propagation law through ∂H/∂p (diagonal: γ is ±i/2, δ is ±1 on the two guides),
 * <pre>∂ℒ/∂p = 2·Re Σ_j ∫₀ᴸ w_j(z)ᵀ · (i·∂H/∂p) · u_j(z) dz</pre>
 * with G = ∂ℒ/∂T* = s·conj(∂s/∂T), where u_j(z) is the forward field of a launch into port j and w_j(z) the field of conj(G e_j) injected at
 * the output (the reciprocal reverse pass, H = Hᵀ) — both measured at the tap planes, the integral taken by
 * the trapezoid rule over the planes. The device's law is used only through ∂H/∂p, i.e. knowing that γ is
 * a gain/loss contrast and δ a detuning (what the controls are), not κ or the length. The trapezoid error
 * is proportional to G and so vanishes at the EP: the search converges to the true EP.
 */
public final class EpSearch {
    private final ChipBench chip;
    private final CoherentDetection detection;
    private final double dz;
    private final double[] ep;

    /**
     * @param dz spacing of the tap planes (a property of the imaging, known to the lab)
     * @param ep the analytic EP {γ, δ}, used only to report distances and iterations-to-target
     */
    public EpSearch(ChipBench chip, CoherentDetection detection, double dz, double[] ep) {
        this.chip = chip;
        this.detection = detection;
        this.dz = dz;
        this.ep = ep.clone();
    }

    /**
     * One search result.
     *
     * @param method         "ffm" or "pso"
     * @param gamma          found γ
     * @param delta          found δ
     * @param relDistance    ‖(γ, δ) − EP‖ / ‖EP‖
     * @param iterationsTo1pct first iteration whose estimate is within 1 % of the EP (−1 if never)
     * @param iterations     iterations run
     * @param measurements   transfer-matrix measurements (objective or gradient evaluations)
     * @param frames         detector frames used
     * @param path           estimate after each iteration {γ, δ, ℒ}
     */
    public record Found(String method, double gamma, double delta, double relDistance, int iterationsTo1pct,
                        int iterations, long measurements, long frames, List<double[]> path) {
    }

    /** Minimal complex arithmetic for the 2×2 invariants (not in a hot loop). */
    record C(double re, double im) {
        C plus(C o) {
            return new C(re + o.re, im + o.im);
        }

        C minus(C o) {
            return new C(re - o.re, im - o.im);
        }

        C times(C o) {
            return new C(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        C div(C o) {
            double d = o.re * o.re + o.im * o.im;
            return new C((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
        }

        C scale(double s) {
            return new C(re * s, im * s);
        }

        C neg() {
            return new C(-re, -im);
        }

        C conj() {
            return new C(re, -im);
        }

        double abs2() {
            return re * re + im * im;
        }

        double abs() {
            return Math.hypot(re, im);
        }

        C sqrt() {
            double[] r = CoupledWaveguides.csqrt(re, im);
            return new C(r[0], r[1]);
        }

        C log() {
            return new C(Math.log(abs()), Math.atan2(im, re));
        }

        /** acos(w) = −i·log(w + i·√(1 − w²)), the branch for which sin(acos w) = √(1 − w²). */
        C acos() {
            C root = new C(1, 0).minus(this.times(this)).sqrt();
            C l = this.plus(new C(-root.im, root.re)).log();
            return new C(l.im, -l.re);
        }
    }

    /** Relative distance of (γ, δ) to the EP. */
    public double distance(double gamma, double delta) {
        return Math.hypot(gamma - ep[0], delta - ep[1]) / Math.hypot(ep[0], ep[1]);
    }

    /** ℒ and (if grad != null) ∂ℒ/∂{γ, δ} at the programmed point, from measurements. */
    double measure(double[] settings, double[] grad) {
        chip.program(0, settings);
        int taps = chip.taps(0);
        double[][] launch = {{1, 0, 0, 0}, {0, 0, 1, 0}};
        double[][] out = new double[2][4];
        double[][] u = new double[2][2 * taps];
        detection.measure(chip, 0, launch, false, out, grad == null ? null : u);
        // T columns: T_{i j} = out[j][i]
        C t00 = new C(out[0][0], out[0][1]), t10 = new C(out[0][2], out[0][3]);
        C t01 = new C(out[1][0], out[1][1]), t11 = new C(out[1][2], out[1][3]);
        C tr = t00.plus(t11);
        C det = t00.times(t11).minus(t01.times(t10));
        C rootDet = det.sqrt();
        C cosL = tr.div(rootDet.scale(2));               // cos(λL)
        C acos = cosL.acos();
        C sq = acos.times(acos);                         // (λL)²
        double loss = sq.abs2();
        if (grad == null) {
            return loss;
        }
        // ∂s/∂w = −2·acos(w)/√(1 − w²), finite at w = 1 (→ −2)
        C oneMinus = new C(1 - cosL.re(), -cosL.im());
        C f = oneMinus.abs() < 1e-6 ? new C(1 + oneMinus.re() / 3, oneMinus.im() / 3)
                : acos.div(new C(1, 0).minus(cosL.times(cosL)).sqrt());
        C dsdw = f.scale(-2);
        // ∂w/∂T_ij = δ_ij/(2√d) − tr/(4·d^{3/2})·∂d/∂T_ij
        C diag = new C(1, 0).div(rootDet.scale(2));
        C b = tr.div(det.times(rootDet).scale(4));
        C[] dd = {t11, t10.neg(), t01.neg(), t00};      // ∂d/∂T for [00, 01, 10, 11]
        double[] g = new double[8]; // G = ∂ℒ/∂T* = s·conj(∂s/∂T), [00, 01, 10, 11]
        for (int e = 0; e < 4; e++) {
            C dw = (e == 0 || e == 3 ? diag : new C(0, 0)).minus(b.times(dd[e]));
            C gs = sq.times(dsdw.times(dw).conj());
            g[2 * e] = gs.re();
            g[2 * e + 1] = gs.im();
        }
        // reverse launches: conj(G e_j) = conj(column j of G)
        double[][] rev = {{g[0], -g[1], g[4], -g[5]}, {g[2], -g[3], g[6], -g[7]}};
        double[][] back = new double[2][4];
        double[][] w = new double[2][2 * taps];
        detection.measure(chip, 0, rev, true, back, w);
        int planes = taps / 2;
        double gGamma = 0, gDelta = 0;
        for (int j = 0; j < 2; j++) {
            for (int s = 0; s < planes; s++) {
                double weight = (s == 0 || s == planes - 1) ? dz / 2 : dz;
                for (int a = 0; a < 2; a++) {
                    int q = 2 * s + a;
                    double ur = u[j][2 * q], ui = u[j][2 * q + 1], wr = w[j][2 * q], wi = w[j][2 * q + 1];
                    double pr = wr * ur - wi * ui, pi = wr * ui + wi * ur;   // w·u
                    double sign = a == 0 ? 1 : -1;
                    // i·∂H/∂γ = ∓1/2 (guide 1: −1/2), i·∂H/∂δ = ±i
                    gGamma += 2 * weight * (-0.5 * sign * pr);
                    gDelta += 2 * weight * (-sign * pi);               // Re(i·sign·p) = −sign·Im p
                }
            }
        }
        grad[0] = gGamma;
        grad[1] = gDelta;
        return loss;
    }

    /** Gradient search from {@code start} with Adam (cosine-decayed learning rate). */
    public Found gradientSearch(double[] start, int iterations, double lr) {
        double[][] p = {start.clone()};
        double[][] g = {new double[2]};
        Adam adam = new Adam(new int[] {2}, LearningRateSchedule.cosine(lr, iterations, lr / 100));
        List<double[]> path = new ArrayList<>();
        ChipBench.BenchCost c0 = chip.cost();
        int hit = -1;
        long measurements = 0;
        for (int it = 1; it <= iterations; it++) {
            double loss = measure(p[0], g[0]);
            measurements += 2;
            adam.step(p, g);
            path.add(new double[] {p[0][0], p[0][1], loss});
            if (hit < 0 && distance(p[0][0], p[0][1]) <= 0.01) {
                hit = it;
            }
        }
        ChipBench.BenchCost c = chip.cost().minus(c0);
        return new Found("ffm", p[0][0], p[0][1], distance(p[0][0], p[0][1]), hit, iterations, measurements, c.frames(), path);
    }

    /** Particle swarm in the box γ ∈ [lo₀, hi₀], δ ∈ [lo₁, hi₁]. */
    public Found swarm(ParticleSwarm pso, double[] lo, double[] hi, int iterations, long seed) {
        List<double[]> path = new ArrayList<>();
        ChipBench.BenchCost c0 = chip.cost();
        int[] hit = {-1};
        long[] evals = {0};
        double[] best = pso.minimise(x -> {
            evals[0]++;
            return measure(x, null);
        }, lo, hi, iterations, seed, st -> {
            path.add(new double[] {st.best()[0], st.best()[1], st.bestValue()});
            if (hit[0] < 0 && distance(st.best()[0], st.best()[1]) <= 0.01) {
                hit[0] = st.iteration();
            }
        });
        ChipBench.BenchCost c = chip.cost().minus(c0);
        return new Found("pso", best[0], best[1], distance(best[0], best[1]), hit[0], iterations, evals[0], c.frames(), path);
    }
}
