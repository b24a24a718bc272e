package org.phasor.optics.latent;

import org.junit.jupiter.api.Test;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coupler and emitter of the optical latent space: adjoint, transpose, reciprocity, energy, gradients, errors. */
class FibreLatentTest {
    static final double UM = 1e-6;
    final Grid grid = Grid.square(48, 8 * UM, 532e-9);
    final FibreFace face = FibreFace.lattice(grid, 9, 20 * UM, 64 * UM);

    static ComplexArray random(SplittableRandom rnd, int batch, int ny, int nx) {
        double[] v = new double[2 * batch * ny * nx];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return ComplexArray.fromInterleaved(Precision.DOUBLE, batch, ny, nx, v);
    }

    /** Σ conj(a)·b (hermitian) when conj, else Σ a·b (bilinear); returns {re, im}. */
    static double[] dot(ComplexArray a, ComplexArray b, boolean conj) {
        double re = 0;
        double im = 0;
        double s = conj ? -1 : 1;
        for (long i = 0; i < a.size(); i++) {
            double ar = a.re(i);
            double ai = s * a.im(i);
            re += ar * b.re(i) - ai * b.im(i);
            im += ar * b.im(i) + ai * b.re(i);
        }
        return new double[]{re, im};
    }

    FibreCoupler lossyCoupler() {
        // a non-symmetric, non-unitary passive crosstalk: 0.9 × (nearest-neighbour unitary) × diag phases
        Crosstalk nn = Crosstalk.nearestNeighbour(face, 0.3);
        int k = face.channels();
        double[] re = new double[k * k];
        double[] im = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double ph = 0.37 * j * j; // column phases break symmetry
                double cr = nn.re()[i * k + j];
                double ci = nn.im()[i * k + j];
                re[i * k + j] = 0.9 * (cr * Math.cos(ph) - ci * Math.sin(ph));
                im[i * k + j] = 0.9 * (cr * Math.sin(ph) + ci * Math.cos(ph));
            }
        }
        return new FibreCoupler(face, 0.7, new Crosstalk(k, re, im));
    }

    void assertPair(double[] x, double[] y, double tol, String what) {
        double scale = Math.max(1, Math.hypot(x[0], x[1]));
        assertEquals(x[0], y[0], tol * scale, what + " (re)");
        assertEquals(x[1], y[1], tol * scale, what + " (im)");
    }

    @Test
    void adjointAndTransposeIdentities() {
        SplittableRandom rnd = new SplittableRandom(1);
        FibreCoupler a = lossyCoupler();
        FibreEmitter e = new FibreEmitter(face, 0.8, a.crosstalk());
        ComplexArray u = random(rnd, 3, 48, 48);
        ComplexArray c = random(rnd, 3, 1, 9);
        ComplexArray au = ComplexArray.zeros(Precision.DOUBLE, 3, 1, 9);
        ComplexArray ahc = ComplexArray.zeros(Precision.DOUBLE, 3, 48, 48);
        ComplexArray atc = ComplexArray.zeros(Precision.DOUBLE, 3, 48, 48);
        a.apply(u, au);
        a.applyAdjoint(c, ahc);
        a.applyTranspose(c, atc);
        assertPair(dot(au, c, true), dot(u, ahc, true), 1e-12, "⟨Au, c⟩ = ⟨u, Aᴴc⟩");
        assertPair(dot(au, c, false), dot(u, atc, false), 1e-12, "(Au)·c = u·(Aᵀc)");

        ComplexArray ec = ComplexArray.zeros(Precision.DOUBLE, 3, 48, 48);
        ComplexArray ehu = ComplexArray.zeros(Precision.DOUBLE, 3, 1, 9);
        ComplexArray etu = ComplexArray.zeros(Precision.DOUBLE, 3, 1, 9);
        e.apply(c, ec);
        e.applyAdjoint(u, ehu);
        e.applyTranspose(u, etu);
        assertPair(dot(ec, u, true), dot(c, ehu, true), 1e-12, "⟨Ec, u⟩ = ⟨c, Eᴴu⟩");
        assertPair(dot(ec, u, false), dot(c, etu, false), 1e-12, "(Ec)·u = c·(Eᵀu)");
    }

    @Test
    void emitterIsTheCouplersTranspose() {
        SplittableRandom rnd = new SplittableRandom(2);
        FibreCoupler a = lossyCoupler();
        ComplexArray c = random(rnd, 2, 1, 9);
        ComplexArray viaTranspose = ComplexArray.zeros(Precision.DOUBLE, 2, 48, 48);
        a.applyTranspose(c, viaTranspose);
        ComplexArray viaEmitter = ComplexArray.zeros(Precision.DOUBLE, 2, 48, 48);
        new FibreEmitter(face, a.efficiency(), a.crosstalk().transpose()).apply(c, viaEmitter);
        assertMaxDiff(viaTranspose, viaEmitter, 1e-14, "Aᵀ = emitter with Cᵀ");

        // a reciprocal (symmetric) bundle: the same bundle run backwards is the emitter itself
        Crosstalk nn = Crosstalk.nearestNeighbour(face, 0.4);
        FibreCoupler rec = new FibreCoupler(face, 0.6, nn);
        rec.applyTranspose(c, viaTranspose);
        new FibreEmitter(face, 0.6, nn).apply(c, viaEmitter);
        assertMaxDiff(viaTranspose, viaEmitter, 1e-14, "reciprocal bundle: Aᵀ = E");
    }

    @Test
    void reversedBundlesAreTheTransposes() {
        SplittableRandom rnd = new SplittableRandom(3);
        FibreCoupler a = lossyCoupler();
        ComplexArray c = random(rnd, 2, 1, 9);
        ComplexArray viaTranspose = ComplexArray.zeros(Precision.DOUBLE, 2, 48, 48);
        ComplexArray viaReversed = ComplexArray.zeros(Precision.DOUBLE, 2, 48, 48);
        a.applyTranspose(c, viaTranspose);
        a.reversed().apply(c, viaReversed);
        assertMaxDiff(viaTranspose, viaReversed, 1e-14, "coupler run backwards = Aᵀ");

        FibreEmitter e = new FibreEmitter(face, 0.8, a.crosstalk());
        ComplexArray u = random(rnd, 2, 48, 48);
        ComplexArray t = ComplexArray.zeros(Precision.DOUBLE, 2, 1, 9);
        ComplexArray r = ComplexArray.zeros(Precision.DOUBLE, 2, 1, 9);
        e.applyTranspose(u, t);
        e.reversed().apply(u, r);
        assertMaxDiff(t, r, 1e-14, "emitter run backwards = Eᵀ");
        assertTrue(Math.abs(e.efficiency() - 0.8) < 1e-15 && e.crosstalk() == a.crosstalk());
    }

    static void assertMaxDiff(ComplexArray x, ComplexArray y, double tol, String what) {
        double m = 0;
        for (long i = 0; i < x.size(); i++) {
            m = Math.max(m, Math.hypot(x.re(i) - y.re(i), x.im(i) - y.im(i)));
        }
        assertTrue(m <= tol, what + ": max difference " + m);
    }

    @Test
    void passiveAndLosslessWhenIdeal() {
        SplittableRandom rnd = new SplittableRandom(3);
        ComplexArray u = random(rnd, 4, 48, 48);
        ComplexArray ch = ComplexArray.zeros(Precision.DOUBLE, 4, 1, 9);
        lossyCoupler().apply(u, ch);
        for (int b = 0; b < 4; b++) {
            assertTrue(ch.item(b).sumAbs2() <= u.item(b).sumAbs2(), "no gain, item " + b);
        }
        // η = 1, unitary crosstalk: emitting then coupling back returns the same amplitudes, power conserved
        Crosstalk nn = Crosstalk.nearestNeighbour(face, 0.5);
        ComplexArray a = random(rnd, 4, 1, 9);
        ComplexArray field = ComplexArray.zeros(Precision.DOUBLE, 4, 48, 48);
        new FibreEmitter(face, 1, nn).apply(a, field);
        for (int b = 0; b < 4; b++) {
            assertEquals(a.item(b).sumAbs2(), field.item(b).sumAbs2(), 1e-12 * a.item(b).sumAbs2(), "emitter lossless");
        }
        ComplexArray back = ComplexArray.zeros(Precision.DOUBLE, 4, 1, 9);
        new FibreCoupler(face, 1, nn.transpose()).apply(field, back);
        // Cᵀ·C ≠ I in general, but for the symmetric unitary NN coupling Cᵀ = C, so compare powers
        for (int b = 0; b < 4; b++) {
            assertEquals(a.item(b).sumAbs2(), back.item(b).sumAbs2(), 1e-12 * a.item(b).sumAbs2(), "round trip power");
        }
        ComplexArray plain = ComplexArray.zeros(Precision.DOUBLE, 4, 1, 9);
        new FibreEmitter(face).apply(a, field);
        new FibreCoupler(face).apply(field, plain);
        assertMaxDiff(a, plain, 1e-12, "P·Pᵀ = I");
        // efficiency scales power exactly
        new FibreEmitter(face, 0.25, Crosstalk.none(9)).apply(a, field);
        assertEquals(0.25 * a.sumAbs2(), field.sumAbs2(), 1e-12 * a.sumAbs2());
    }

    @Test
    void nearestNeighbourCrosstalkIsUnitarySymmetricAndSwapsSinSquared() {
        Grid g = Grid.square(32, 8 * UM, 532e-9);
        FibreFace pair = FibreFace.of(g, new double[]{-40 * UM, 40 * UM}, new double[]{0, 0}, 20 * UM);
        double kappa = 0.3;
        Crosstalk c = Crosstalk.nearestNeighbour(pair, kappa);
        assertEquals(Math.cos(kappa), c.re()[0], 1e-14);
        assertEquals(Math.sin(kappa), c.im()[1], 1e-14);
        assertEquals(c.im()[1], c.im()[2], 1e-15, "symmetric");
        assertEquals(1, Crosstalk.largestSingularValue(2, c.re(), c.im()), 1e-12);
        Crosstalk big = Crosstalk.nearestNeighbour(face, 0.7);
        for (int i = 0; i < 81; i++) {
            assertEquals(big.re()[i], big.transpose().re()[i], 1e-14);
            assertEquals(big.im()[i], big.transpose().im()[i], 1e-14);
        }
    }

    /** Real test loss of complex values and its Wirtinger derivative ∂L/∂z* = 2|z|²z + (z − t). */
    static double loss(ComplexArray z, ComplexArray t, ComplexArray grad) {
        double l = 0;
        for (long i = 0; i < z.size(); i++) {
            double zr = z.re(i);
            double zi = z.im(i);
            double a2 = zr * zr + zi * zi;
            double dr = zr - t.re(i);
            double di = zi - t.im(i);
            l += a2 * a2 + dr * dr + di * di;
            if (grad != null) {
                grad.set(i, 2 * a2 * zr + dr, 2 * a2 * zi + di);
            }
        }
        return l;
    }

    /** Central finite differences of L(map(x)) against 2·Aᴴ·∂L/∂out* (∂L/∂Re x + i∂L/∂Im x). */
    static void checkGradient(LinearMap m, ComplexArray x, ComplexArray out, ComplexArray target, String what) {
        ComplexArray gOut = out.zerosLike();
        m.apply(x, out);
        loss(out, target, gOut);
        ComplexArray gIn = x.zerosLike();
        m.applyAdjoint(gOut, gIn);
        double h = 1e-4; // fourth-order stencil: truncation ~h⁴, round-off ~ε·L/h, both far below 1e-6
        double maxErr = 0;
        double maxG = 0;
        for (long i = 0; i < x.size(); i += Math.max(1, x.size() / 40)) {
            for (int part = 0; part < 2; part++) {
                double re = x.re(i);
                double im = x.im(i);
                double[] l = new double[4];
                double[] steps = {2 * h, h, -h, -2 * h};
                for (int s = 0; s < 4; s++) {
                    x.set(i, re + (part == 0 ? steps[s] : 0), im + (part == 1 ? steps[s] : 0));
                    m.apply(x, out);
                    l[s] = loss(out, target, null);
                }
                x.set(i, re, im);
                double fd = (-l[0] + 8 * l[1] - 8 * l[2] + l[3]) / (12 * h);
                double an = 2 * (part == 0 ? gIn.re(i) : gIn.im(i));
                maxErr = Math.max(maxErr, Math.abs(fd - an));
                maxG = Math.max(maxG, Math.abs(an));
            }
        }
        assertTrue(maxG > 0, what + ": zero gradient cannot test anything");
        assertTrue(maxErr <= 1e-6 * maxG, what + ": FD vs adjoint gradient, max error " + maxErr + " of " + maxG);
    }

    @Test
    void finiteDifferenceGradients() {
        SplittableRandom rnd = new SplittableRandom(4);
        FibreCoupler a = lossyCoupler();
        ComplexArray u = random(rnd, 2, 48, 48);
        checkGradient(a, u, ComplexArray.zeros(Precision.DOUBLE, 2, 1, 9), random(rnd, 2, 1, 9), "coupler");
        FibreEmitter e = new FibreEmitter(face, 0.8, a.crosstalk());
        ComplexArray c = random(rnd, 2, 1, 9);
        checkGradient(e, c, ComplexArray.zeros(Precision.DOUBLE, 2, 48, 48), random(rnd, 2, 48, 48), "emitter");
    }

    @Test
    void singlePrecisionAgreesWithDouble() {
        SplittableRandom rnd = new SplittableRandom(5);
        ComplexArray u = random(rnd, 2, 48, 48);
        ComplexArray cd = ComplexArray.zeros(Precision.DOUBLE, 2, 1, 9);
        ComplexArray cs = ComplexArray.zeros(Precision.SINGLE, 2, 1, 9);
        FibreCoupler a = lossyCoupler();
        a.apply(u, cd);
        a.apply(u.toPrecision(Precision.SINGLE), cs);
        assertMaxDiff(cd, cs.toPrecision(Precision.DOUBLE), 1e-4 * Math.sqrt(cd.sumAbs2()), "single vs double");
    }

    @Test
    void badConfigurationsAreOneLineErrorsNamingTheValue() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> FibreFace.lattice(grid, 100, 20 * UM, 64 * UM));
        assertTrue(tooMany.getMessage().contains("K=100"), tooMany.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> FibreFace.of(grid, new double[]{0, 500 * UM}, new double[]{0, 0}, 20 * UM));
        assertTrue(outside.getMessage().contains("channel 1") && outside.getMessage().contains("500"), outside.getMessage());
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                () -> FibreFace.of(grid, new double[]{0, 30 * UM}, new double[]{0, 0}, 20 * UM));
        assertTrue(overlap.getMessage().contains("channels 0 and 1"), overlap.getMessage());
        IllegalArgumentException coarse = assertThrows(IllegalArgumentException.class,
                () -> FibreFace.lattice(grid, 4, 5 * UM, 64 * UM));
        assertTrue(coarse.getMessage().contains("waist 5"), coarse.getMessage());
        IllegalArgumentException gain = assertThrows(IllegalArgumentException.class,
                () -> new Crosstalk(1, new double[]{1.1}, new double[]{0}));
        assertTrue(gain.getMessage().contains("1.1"), gain.getMessage());
        IllegalArgumentException eta = assertThrows(IllegalArgumentException.class,
                () -> new FibreCoupler(face, 1.2, Crosstalk.none(9)));
        assertTrue(eta.getMessage().contains("1.2"), eta.getMessage());
        for (IllegalArgumentException ex : new IllegalArgumentException[]{tooMany, outside, overlap, coarse, gain, eta}) {
            assertEquals(1, ex.getMessage().lines().count(), "one line: " + ex.getMessage());
        }
    }
}
