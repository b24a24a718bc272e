package org.phasor.task.scattering;

import org.junit.jupiter.api.Test;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Grid;
import org.phasor.optics.OpticalPath;
import org.phasor.optics.element.ThinLens;
import org.phasor.optics.propagation.FreeSpace;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FocusPhysicsTest {

    @Test
    void paperDiffractionLimitIs64point5Micrometres() {
        assertEquals(64.5e-6, FocusGeometry.paper().diffractionLimit(), 0.05e-6);
        assertEquals(FocusGeometry.paper().diffractionLimit(), FocusGeometry.quick().diffractionLimit(), 1e-12);
    }

    /**
     * A clean lens focus (no scatterer) on the paper's bench: a flat 3.2 mm square beam through a lens of focal
     * length z, propagated z = 0.388 m by band-limited ASM, focuses to sinc² with FWHM 0.886·λz/D = 57.1 µm; the
     * measured FWHM must match that within 3 % (linear interpolation on 12.5 µm pixels) and so lie within 15 % of
     * the quoted limit λz/D. No sampling warning may be raised on this geometry.
     */
    @Test
    void cleanLensFocusReachesTheDiffractionLimitWithoutSamplingWarnings() {
        FocusGeometry g = FocusGeometry.paper();
        List<String> warnings = new ArrayList<>();
        Propagator prop = new Propagator(FftBackends.java(), warnings::add);
        Grid grid = g.grid();
        ComplexArray u = ComplexArray.zeros(Precision.DOUBLE, 1, g.pixels(), g.pixels());
        for (int i = 0; i < grid.size(); i++) {
            u.set(i, 1, 0);
        }
        FreeSpace z = prop.freeSpace(grid, g.distance(), Method.BL_ASM, 2);
        OpticalPath.of(new ThinLens(grid, g.distance()), z).apply(u);
        double[] frame = intensity(u);
        double fwhm = FocusMetrics.fwhm(frame, 0, g.pixels(), g.pitch());
        assertEquals(g.idealFwhm(), fwhm, 0.03 * g.idealFwhm(), "clean lens focus FWHM");
        assertTrue(Math.abs(fwhm - g.diffractionLimit()) <= 0.15 * g.diffractionLimit(),
                "FWHM " + fwhm + " within 15 % of λz/D " + g.diffractionLimit());
        int peak = FocusMetrics.peak(frame, 0, grid.size());
        assertEquals(g.pixels() / 2 * (g.pixels() + 1), peak, "focus on the optical axis");
        assertTrue(warnings.isEmpty(), "sampling warnings: " + warnings);
    }

    /** Phase conjugation through a known scatterer is the exact optimum: it focuses as well as the clean lens. */
    @Test
    void phaseConjugationThroughAKnownScattererRestoresTheFocus() {
        FocusGeometry g = FocusGeometry.quick();
        Propagator prop = new Propagator(FftBackends.java(), msg -> { });
        Grid grid = g.grid();
        OpticalPath medium = OpticalPath.of(Scatterer.tape(3).screen(grid),
                prop.freeSpace(grid, g.distance(), Method.BL_ASM, 2));
        Segments pixels = new Segments(g.pixels(), g.pixels());
        double[] flat = new double[2 * grid.size()];
        for (int i = 0; i < grid.size(); i++) {
            flat[2 * i] = 1;
        }
        int c = g.pixels() / 2;
        double[] phase = PhaseConjugation.design(medium, flat, pixels, c + 5, c - 3);
        ComplexArray u = ComplexArray.zeros(Precision.DOUBLE, 1, g.pixels(), g.pixels());
        ComplexArray bare = ComplexArray.zeros(Precision.DOUBLE, 1, g.pixels(), g.pixels());
        for (int i = 0; i < grid.size(); i++) {
            u.set(i, Math.cos(phase[i]), Math.sin(phase[i]));
            bare.set(i, 1, 0);
        }
        medium.apply(u);
        medium.apply(bare);
        double[] focused = intensity(u);
        double[] speckle = intensity(bare);
        int target = (c - 3) * g.pixels() + c + 5;
        assertEquals(target, FocusMetrics.peak(focused, 0, grid.size()));
        double meanSpeckle = 0;
        for (double v : speckle) {
            meanSpeckle += v / speckle.length;
        }
        assertTrue(focused[target] > 100 * meanSpeckle, "enhancement " + focused[target] / meanSpeckle);
        assertEquals(g.idealFwhm(), FocusMetrics.fwhm(focused, 0, g.pixels(), g.pitch()), 0.1 * g.idealFwhm());
    }

    @Test
    void opticalPathTransposeAndAdjointMatchTheirDefinitions() {
        Grid grid = Grid.of(32, 32, 10e-6, 633e-9);
        Propagator prop = new Propagator(FftBackends.java(), msg -> { });
        OpticalPath m = OpticalPath.of(prop.freeSpace(grid, 3e-3, Method.BL_ASM, 2), new Scatterer("s", 20e-6, 2, 1)
                .screen(grid), prop.freeSpace(grid, 1e-3, Method.BL_ASM, 2));
        ComplexArray a = random(grid, 1);
        ComplexArray b = random(grid, 2);
        ComplexArray ma = a.copy();
        m.apply(ma);
        ComplexArray mtb = b.copy();
        m.applyTranspose(mtb);
        ComplexArray mhb = b.copy();
        m.applyAdjoint(mhb);
        double[] l = dot(ma, b, false);
        double[] r = dot(a, mtb, false);
        assertEquals(l[0], r[0], 1e-10 * Math.hypot(l[0], l[1]));
        assertEquals(l[1], r[1], 1e-10 * Math.hypot(l[0], l[1]));
        double[] lh = dot(b, ma, true); // ⟨b, Ma⟩ = ⟨Mᴴb, a⟩
        double[] rh = dot(mhb, a, true);
        assertEquals(lh[0], rh[0], 1e-10 * Math.hypot(lh[0], lh[1]));
        assertEquals(lh[1], rh[1], 1e-10 * Math.hypot(lh[0], lh[1]));
    }

    /** Finite-difference check of the normalised scale-fit loss's ∂L/∂I (double precision). */
    @Test
    void targetImageLossGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(5);
        int batch = 2;
        int pixels = 30;
        double[] in = new double[batch * pixels];
        double[] t = new double[batch * pixels];
        for (int i = 0; i < in.length; i++) {
            in[i] = r.nextDouble();
            t[i] = r.nextDouble();
        }
        double[] g = new double[in.length];
        TargetImageLoss.lossAndGradient(in, t, batch, pixels, g);
        double h = 1e-6;
        for (int i = 0; i < in.length; i += 7) {
            double[] p = in.clone();
            double[] m = in.clone();
            p[i] += h;
            m[i] -= h;
            double fd = (TargetImageLoss.lossAndGradient(p, t, batch, pixels, new double[in.length])
                    - TargetImageLoss.lossAndGradient(m, t, batch, pixels, new double[in.length])) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(1e-3, Math.abs(fd)), "pixel " + i);
        }
    }

    @Test
    void segmentSumIsTheTransposeOfExpansion() {
        Segments s = new Segments(12, 3);
        SplittableRandom r = new SplittableRandom(9);
        double[] seg = r.doubles(s.count()).toArray();
        double[] pix = r.doubles(144).toArray();
        double[] e = s.expand(seg);
        double[] sum = s.sum(pix);
        double l = 0;
        double rr = 0;
        for (int i = 0; i < 144; i++) {
            l += e[i] * pix[i];
        }
        for (int k = 0; k < s.count(); k++) {
            rr += seg[k] * sum[k];
        }
        assertEquals(l, rr, 1e-12);
    }

    private static double[] intensity(ComplexArray u) {
        double[] z = u.toInterleaved();
        double[] f = new double[z.length / 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = z[2 * i] * z[2 * i] + z[2 * i + 1] * z[2 * i + 1];
        }
        return f;
    }

    private static ComplexArray random(Grid g, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ComplexArray a = ComplexArray.zeros(Precision.DOUBLE, 1, g.ny(), g.nx());
        for (int i = 0; i < g.size(); i++) {
            a.set(i, r.nextGaussian(), r.nextGaussian());
        }
        return a;
    }

    /** Σ conj?(x)·y. */
    private static double[] dot(ComplexArray x, ComplexArray y, boolean conjugate) {
        double[] a = x.toInterleaved();
        double[] b = y.toInterleaved();
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.length; i += 2) {
            double ai = conjugate ? -a[i + 1] : a[i + 1];
            re += a[i] * b[i] - ai * b[i + 1];
            im += a[i] * b[i + 1] + ai * b[i];
        }
        return new double[]{re, im};
    }
}
