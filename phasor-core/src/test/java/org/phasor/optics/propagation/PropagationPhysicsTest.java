package org.phasor.optics.propagation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Field;
import org.phasor.optics.Grid;
import org.phasor.optics.OpTesting;
import org.phasor.optics.element.Aperture;
import org.phasor.optics.element.ThinLens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Propagation against closed forms, on power-of-two and other grid sizes. */
class PropagationPhysicsTest {
    static final double LAMBDA = 633e-9;

    static Propagator quiet() {
        return new Propagator(FftBackends.java(), w -> { });
    }

    /**
     * A Gaussian beam exp(−r²/w0²) after z = z_R: width w0·sqrt(1 + (z/z_R)²) (from the intensity's second moment,
     * w² = 4⟨x²⟩), on-axis amplitude w0/w and on-axis phase kz − atan(z/z_R) (Gouy). The paraxial closed form
     * differs from exact propagation by about kz·(λ/πw0)⁴ ≈ 5e-5 rad here.
     */
    @ParameterizedTest
    @CsvSource({"128,128", "200,200", "400,300"})
    void gaussianBeamWidthAndGouyPhase(int nx, int ny) {
        double dx = 4e-6;
        double w0 = 40e-6;
        Grid g = Grid.of(nx, ny, dx, LAMBDA);
        double zr = Math.PI * w0 * w0 / LAMBDA;
        ComplexArray u = ComplexArray.zeros(Precision.DOUBLE, 1, ny, nx);
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double r2 = g.x(x) * g.x(x) + g.y(y) * g.y(y);
                u.set(u.index(0, y, x), Math.exp(-r2 / (w0 * w0)), 0);
            }
        }
        for (double z : new double[]{0.5 * zr, zr, 2 * zr}) {
            Field out = quiet().propagate(new Field(g, u), z, Method.AUTO, 1);
            ComplexArray o = out.data();
            double w = w0 * Math.sqrt(1 + (z / zr) * (z / zr));
            double sx2 = 0;
            double sum = 0;
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    long i = o.index(0, y, x);
                    double in = o.re(i) * o.re(i) + o.im(i) * o.im(i);
                    sx2 += g.x(x) * g.x(x) * in;
                    sum += in;
                }
            }
            double measuredW = 2 * Math.sqrt(sx2 / sum);
            assertEquals(w, measuredW, 1e-3 * w, "beam width at z = " + z);
            long c = o.index(0, ny / 2, nx / 2);
            assertEquals(w0 / w, Math.hypot(o.re(c), o.im(c)), 1e-3, "on-axis amplitude at z = " + z);
            double expectedPhase = g.k() * z - Math.atan(z / zr);
            double dphi = Math.atan2(o.im(c), o.re(c)) - expectedPhase;
            dphi = Math.IEEEremainder(dphi, 2 * Math.PI);
            assertEquals(0, dphi, 1e-3, "on-axis phase incl. Gouy phase at z = " + z);
        }
    }

    /** ASM and Fresnel transfer functions have |H| = 1 on propagating frequencies: power is conserved. */
    @ParameterizedTest
    @CsvSource({"64,64", "48,40", "200,200"})
    void parsevalEnergyConservation(int nx, int ny) {
        Grid g = Grid.of(nx, ny, 4e-6, LAMBDA); // 1/(2dx) < 1/λ: every sample propagates
        ComplexArray u = OpTesting.random(Precision.DOUBLE, 2, ny, nx, 21);
        double p0 = u.sumAbs2();
        for (Method m : new Method[]{Method.ASM, Method.FRESNEL}) {
            ComplexArray o = u.copy();
            quiet().freeSpace(g, 1e-3, m, 1).apply(o);
            assertEquals(p0, o.sumAbs2(), 1e-12 * p0, m + " conserves power");
        }
        ComplexArray o = u.copy();
        quiet().freeSpace(g, 1.0, Method.BL_ASM, 1).apply(o);
        assertTrue(o.sumAbs2() < p0, "band limiting removes power at long distance");
        // Fraunhofer conserves power too (Σ|U|²·dx'² = Σ|u|²·dx²)
        Field f = new Field(g, u);
        Field far = quiet().farField(f, 0.5);
        assertEquals(f.power(), far.power(), 1e-12 * f.power());
    }

    /** Evanescent components decay as exp(−2πz·sqrt(f² − 1/λ²)); nothing is NaN. */
    @Test
    void evanescentComponentsDecay() {
        Grid g = Grid.square(32, 0.2e-6, LAMBDA); // 1/(2dx) = 2.5e6 1/m > 1/λ
        double z = 1e-6;
        TransferFunction h = TransferFunction.compute(TransferKey.of(g, z, Method.ASM, 1));
        double[] v = h.copyValues();
        for (double x : v) {
            assertTrue(Double.isFinite(x));
        }
        int i = 16; // fx = −1/(2dx), fy = 0
        double f = Grid.fftFrequency(i, 32, g.dx());
        double expected = Math.exp(-2 * Math.PI * z * Math.sqrt(f * f - 1 / (LAMBDA * LAMBDA)));
        assertEquals(expected, v[2 * i], 1e-15);
        assertEquals(0, v[2 * i + 1], 0);
        assertTrue(expected < 1e-3);
        // a field propagated from such a grid contains no NaN either, and loses power
        ComplexArray u = OpTesting.random(Precision.SINGLE, 1, 32, 32, 3);
        double p0 = u.sumAbs2();
        quiet().freeSpace(g, z, Method.ASM, 1).apply(u);
        assertTrue(Double.isFinite(u.sumAbs2()) && u.sumAbs2() < p0);
    }

    /**
     * A thin lens focuses a plane wave through a circular aperture of radius a to the Airy pattern (first zero at
     * 1.22·λf/(2a)) and through a square aperture of side D to sinc² (first zero at λf/D) in the focal plane.
     */
    @ParameterizedTest
    @CsvSource({"256,256", "200,200", "400,300"})
    void lensFocusesToAiryAndSinc(int nx, int ny) {
        double dx = 4e-6;
        double f = 0.1;
        Grid g = Grid.of(nx, ny, dx, LAMBDA);
        double a = 0.3e-3;
        Propagator prop = quiet();
        var fs = prop.freeSpace(g, f, Method.AUTO, 2);
        var lens = new ThinLens(g, f);

        ComplexArray circ = ones(g);
        Aperture.circular(g, a).apply(circ);
        lens.apply(circ);
        fs.apply(circ);
        assertEquals(1.22 * LAMBDA * f / (2 * a), firstZero(g, circ), 0.5 * dx, "Airy first zero");

        double side = 2 * a;
        ComplexArray sq = ones(g);
        // centred between samples so exactly side/dx samples are open on each axis
        Aperture.rectangular(g, side, side, -dx / 2, -dx / 2).apply(sq);
        lens.apply(sq);
        fs.apply(sq);
        assertEquals(LAMBDA * f / side, firstZero(g, sq), 0.5 * dx, "sinc² first zero");
    }

    static ComplexArray ones(Grid g) {
        ComplexArray u = ComplexArray.zeros(Precision.DOUBLE, 1, g.ny(), g.nx());
        for (long i = 0; i < u.size(); i++) {
            u.set(i, 1, 0);
        }
        return u;
    }

    /** Position (metres from the centre sample, along +x of the centre row) of the first intensity minimum, refined by a parabola. */
    static double firstZero(Grid g, ComplexArray u) {
        int y = g.ny() / 2;
        int c = g.nx() / 2;
        double[] in = new double[g.nx()];
        for (int x = 0; x < g.nx(); x++) {
            long i = u.index(0, y, x);
            in[x] = u.re(i) * u.re(i) + u.im(i) * u.im(i);
        }
        for (int x = c + 1; x < g.nx() - 1; x++) {
            if (in[x] <= in[x - 1] && in[x] <= in[x + 1]) {
                double denom = in[x - 1] - 2 * in[x] + in[x + 1];
                double off = denom > 0 ? 0.5 * (in[x - 1] - in[x + 1]) / denom : 0;
                return (x + off - c) * g.dx();
            }
        }
        throw new AssertionError("no minimum found");
    }

    /** Far field of a square aperture: output pitch λz/(N·dx), sinc zeros at multiples of N/M samples, peak M²·dx²/(λz). */
    @Test
    void fraunhoferOfSquareAperture() {
        int n = 128;
        double dx = 10e-6;
        double z = 2.0;
        Grid g = Grid.square(n, dx, LAMBDA);
        ComplexArray u = ones(g);
        Aperture.rectangular(g, 16 * dx, 16 * dx, -dx / 2, -dx / 2).apply(u); // 16×16 open samples
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Field far = new Propagator(FftBackends.java(), warnings::add).propagate(new Field(g, u), z, Method.FRAUNHOFER, 1);
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertEquals(LAMBDA * z / (n * dx), far.grid().dx(), 1e-18);
        ComplexArray o = far.data();
        long c = o.index(0, n / 2, n / 2);
        double peak = 16 * 16 * dx * dx / (LAMBDA * z);
        assertEquals(peak, Math.hypot(o.re(c), o.im(c)), 1e-12 * peak);
        long zero = o.index(0, n / 2, n / 2 + n / 16);
        assertTrue(Math.hypot(o.re(zero), o.im(zero)) < 1e-12 * peak, "first zero at N/M samples");
        long notZero = o.index(0, n / 2, n / 2 + n / 32);
        assertTrue(Math.hypot(o.re(notZero), o.im(notZero)) > 0.1 * peak);
    }

    /** Batch 1 (row-parallel passes) and batch 4 (fused, one item per core) give the same numbers. */
    @Test
    void fusedAndPassesPathsAgree() {
        Grid g = Grid.of(24, 20, 8e-6, 532e-9);
        for (int pad = 1; pad <= 2; pad++) {
            FreeSpace fs = quiet().freeSpace(g, 4e-3, Method.BL_ASM, pad);
            ComplexArray batch = OpTesting.random(Precision.DOUBLE, 4, 20, 24, 8);
            ComplexArray single = batch.item(2).copy();
            fs.apply(batch);
            fs.apply(single);
            assertTrue(OpTesting.relL2(single, batch.item(2)) < 1e-14, "pad " + pad);
        }
    }

    /** Zero distance is the identity; zero padding at short distance agrees with no padding away from the edges. */
    @Test
    void zeroDistanceIsIdentity() {
        Grid g = Grid.of(20, 16, 8e-6, 532e-9);
        ComplexArray u = OpTesting.random(Precision.DOUBLE, 1, 16, 20, 2);
        for (Method m : new Method[]{Method.ASM, Method.BL_ASM, Method.FRESNEL}) {
            ComplexArray o = u.copy();
            quiet().freeSpace(g, 0, m, 2).apply(o);
            assertTrue(OpTesting.relL2(o, u) < 1e-14, m.toString());
        }
    }
}
