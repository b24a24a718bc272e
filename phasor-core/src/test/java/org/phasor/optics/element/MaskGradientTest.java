package org.phasor.optics.element;

import org.junit.jupiter.api.Test;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;
import org.phasor.optics.OpTesting;
import org.phasor.optics.detect.DetectorRegions;
import org.phasor.optics.detect.IntensityDetector;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finite-difference checks (double precision, ≤ 1e-6 relative) of the analytic gradients: mask phase and
 * amplitude parameters, detector regions and the full-frame intensity detector. The loss is
 * L = Σ_b Σ_r w_{b,r}·E_{b,r} (+ a quadratic term so dL/dE varies) on the detectors after the mask.
 */
class MaskGradientTest {
    static final Grid G = Grid.of(12, 10, 8e-6, 532e-9);
    static final DetectorRegions DET = new DetectorRegions(G, java.util.List.of(
            new org.phasor.optics.detect.Region(1, 1, 4, 3), new org.phasor.optics.detect.Region(3, 2, 6, 6),
            new org.phasor.optics.detect.Region(8, 0, 4, 10)));
    static final double[] W = {0.3, -1.2, 0.7, 1.1, 0.4, -0.5};

    static double loss(ComplexArray o) {
        double[] e = new double[o.batch() * DET.count()];
        DET.measure(o, e);
        double l = 0;
        for (int i = 0; i < e.length; i++) {
            l += W[i] * e[i] + 0.1 * e[i] * e[i];
        }
        return l;
    }

    /** g = ∂L/∂o* through the detector VJP. */
    static ComplexArray grad(ComplexArray o) {
        double[] e = new double[o.batch() * DET.count()];
        DET.measure(o, e);
        double[] dLdE = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            dLdE[i] = W[i] + 0.2 * e[i];
        }
        ComplexArray g = o.zerosLike();
        DET.backward(o, dLdE, g);
        return g;
    }

    @Test
    void phaseGradientMatchesFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] phi = new double[G.size()];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = rnd.nextDouble(-3, 3);
        }
        PhaseMask mask = new PhaseMask(G, phi);
        ComplexArray u = OpTesting.random(Precision.DOUBLE, 2, G.ny(), G.nx(), 9);
        ComplexArray o = u.copy();
        mask.apply(o);
        double[] analytic = new double[G.size()];
        mask.accumulatePhaseGradient(u, grad(o), analytic);
        double h = 1e-6;
        for (int j : new int[]{0, 13, 27, 40, 55, 77, 119}) {
            double[] p = phi.clone();
            p[j] += h;
            double lp = lossAfter(new PhaseMask(G, p), u);
            p[j] -= 2 * h;
            double lm = lossAfter(new PhaseMask(G, p), u);
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, analytic[j], 1e-6 * Math.max(1, Math.abs(fd)), "pixel " + j);
        }
    }

    @Test
    void amplitudeGradientMatchesFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(4);
        double[] a = new double[G.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextDouble(0.1, 1);
        }
        AmplitudeMask mask = new AmplitudeMask(G, a);
        ComplexArray u = OpTesting.random(Precision.DOUBLE, 2, G.ny(), G.nx(), 10);
        ComplexArray o = u.copy();
        mask.apply(o);
        double[] analytic = new double[G.size()];
        mask.accumulateAmplitudeGradient(u, grad(o), analytic);
        double h = 1e-6;
        for (int j : new int[]{0, 14, 26, 41, 56, 78, 118}) {
            double[] p = a.clone();
            p[j] += h;
            double lp = lossAfter(new AmplitudeMask(G, p), u);
            p[j] -= 2 * h;
            double lm = lossAfter(new AmplitudeMask(G, p), u);
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, analytic[j], 1e-6 * Math.max(1, Math.abs(fd)), "pixel " + j);
        }
    }

    static double lossAfter(DiagonalElement m, ComplexArray u) {
        ComplexArray o = u.copy();
        m.apply(o);
        return loss(o);
    }

    /** Directional derivative: L(u + εδ) − L(u − εδ) ≈ 2ε·Re Σ conj(g)·δ for g = ∂L/∂u*. */
    @Test
    void detectorVjpsMatchFiniteDifferences() {
        ComplexArray u = OpTesting.random(Precision.DOUBLE, 2, G.ny(), G.nx(), 12);
        ComplexArray delta = OpTesting.random(Precision.DOUBLE, 2, G.ny(), G.nx(), 13);
        ComplexArray g = grad(u);
        double eps = 1e-6;
        double fd = (loss(shift(u, delta, eps)) - loss(shift(u, delta, -eps))) / (2 * eps);
        double an = 2 * OpTesting.dot(g, delta)[0];
        assertEquals(fd, an, 1e-6 * Math.abs(fd), "detector regions");

        // full-frame intensity detector with L = Σ c_i·I_i²
        double[] c = new double[(int) u.size()];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < c.length; i++) {
            c[i] = rnd.nextDouble(-1, 1);
        }
        java.util.function.ToDoubleFunction<ComplexArray> li = x -> {
            double[] in = IntensityDetector.intensity(x);
            double s = 0;
            for (int i = 0; i < in.length; i++) {
                s += c[i] * in[i] * in[i];
            }
            return s;
        };
        double[] in = IntensityDetector.intensity(u);
        double[] dLdI = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            dLdI[i] = 2 * c[i] * in[i];
        }
        ComplexArray gi = u.zerosLike();
        IntensityDetector.backward(u, dLdI, gi);
        double fdi = (li.applyAsDouble(shift(u, delta, eps)) - li.applyAsDouble(shift(u, delta, -eps))) / (2 * eps);
        double ani = 2 * OpTesting.dot(gi, delta)[0];
        assertEquals(fdi, ani, 1e-6 * Math.abs(fdi), "intensity detector");
    }

    static ComplexArray shift(ComplexArray u, ComplexArray d, double eps) {
        ComplexArray out = u.copy();
        for (long i = 0; i < u.size(); i++) {
            out.set(i, u.re(i) + eps * d.re(i), u.im(i) + eps * d.im(i));
        }
        return out;
    }

    @Test
    void tenClassLayoutFitsAndDoesNotOverlap() {
        Grid g = Grid.square(400, 8e-6, 532e-9);
        DetectorRegions d = DetectorRegions.tenClass343(g);
        assertEquals(10, d.count());
        for (var r : d.regions()) {
            assertEquals(40, r.width());
        }
        for (int i = 0; i < 10; i++) {
            for (int j = i + 1; j < 10; j++) {
                var a = d.regions().get(i);
                var b = d.regions().get(j);
                boolean overlap = a.x0() < b.x0() + b.width() && b.x0() < a.x0() + a.width()
                        && a.y0() < b.y0() + b.height() && b.y0() < a.y0() + a.height();
                assertTrue(!overlap, a + " overlaps " + b);
            }
        }
        // rows of 3, 4, 3 from top to bottom
        assertEquals(d.regions().get(0).y0(), d.regions().get(2).y0());
        assertEquals(d.regions().get(3).y0(), d.regions().get(6).y0());
        assertTrue(d.regions().get(3).y0() > d.regions().get(0).y0());
    }
}
