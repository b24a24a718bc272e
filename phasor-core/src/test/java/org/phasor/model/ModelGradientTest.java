package org.phasor.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finite-difference checks (double precision, ≤ 1e-6 relative) of every op of the diffractive model and of the
 * whole network gradient: modulations (∂t/∂p), activations (Wirtinger derivatives and their co-field rule), the
 * readout's error field, and the full forward + transpose pass for every modulation × activation combination.
 */
class ModelGradientTest {
    static final double TOL = 1e-6;
    static final Grid GRID = Grid.square(16, 8e-6, 532e-9);

    static Stream<Modulation> modulations() {
        double[] lut = new double[16];
        for (int k = 0; k < lut.length; k++) {
            lut[k] = 2 * Math.PI * k / 16 + 0.3 * Math.sin(k); // a non-linear SLM response
        }
        return Stream.of(PhaseModulation.INSTANCE, AmplitudeModulation.INSTANCE, ComplexModulation.INSTANCE,
                new SlmModulation(lut));
    }

    static Stream<Activation> activations() {
        return Stream.of(Activation.NONE, new KerrPhase(0.7), SaturableAbsorber.simple(0.5),
                SaturableAbsorber.twoLevel(0.8, 1.5));
    }

    @ParameterizedTest
    @MethodSource("modulations")
    void modulationDerivativeMatchesFiniteDifference(Modulation mod) {
        int pixels = 7;
        int k = mod.paramsPerPixel();
        double[] p = randomParams(mod, pixels, new SplittableRandom(3));
        double[] t = new double[2 * pixels];
        double[] dt = new double[2 * pixels * k];
        mod.transmission(p, t, dt, pixels);
        double h = 1e-6;
        double[] tp = new double[2 * pixels];
        double[] tm = new double[2 * pixels];
        double[] scratch = new double[2 * pixels * k];
        for (int q = 0; q < p.length; q++) {
            double[] pp = p.clone();
            pp[q] += h;
            mod.transmission(pp, tp, scratch, pixels);
            pp[q] -= 2 * h;
            mod.transmission(pp, tm, scratch, pixels);
            int pixel = q / k;
            double fr = (tp[2 * pixel] - tm[2 * pixel]) / (2 * h);
            double fi = (tp[2 * pixel + 1] - tm[2 * pixel + 1]) / (2 * h);
            double err = Math.hypot(fr - dt[2 * q], fi - dt[2 * q + 1]) / Math.max(1e-12, Math.hypot(fr, fi));
            assertTrue(err < TOL, mod.name() + " param " + q + ": rel err " + err);
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void activationWirtingerDerivativesMatchFiniteDifference(Activation act) {
        // w(y) = y·h(|y|²/I). Check dw along real and imaginary directions: dw = ∂w/∂y·dy + ∂w/∂y*·dy*.
        double[] r = new double[4];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            double yr = rnd.nextDouble(-1.5, 1.5);
            double yi = rnd.nextDouble(-1.5, 1.5);
            double inv = 1 / act.intensityScale();
            double s = (yr * yr + yi * yi) * inv;
            act.response(s, r);
            double jr = r[0] + s * r[2];
            double ji = r[1] + s * r[3];
            double kr = ((yr * yr - yi * yi) * r[2] - 2 * yr * yi * r[3]) * inv;
            double ki = ((yr * yr - yi * yi) * r[3] + 2 * yr * yi * r[2]) * inv;
            double h = 1e-6;
            for (int dir = 0; dir < 2; dir++) {
                double dr = dir == 0 ? 1 : 0;
                double di = dir == 0 ? 0 : 1;
                double[] wp = w(act, yr + h * dr, yi + h * di);
                double[] wm = w(act, yr - h * dr, yi - h * di);
                double fr = (wp[0] - wm[0]) / (2 * h);
                double fi = (wp[1] - wm[1]) / (2 * h);
                // J·d + K·conj(d)
                double er = (jr * dr - ji * di) + (kr * dr + ki * di);
                double ei = (jr * di + ji * dr) + (ki * dr - kr * di);
                double err = Math.hypot(fr - er, fi - ei) / Math.max(1e-12, Math.hypot(fr, fi));
                assertTrue(err < TOL, act.name() + " trial " + trial + " dir " + dir + ": rel err " + err);
            }
        }
    }

    private static double[] w(Activation act, double yr, double yi) {
        double[] r = new double[4];
        act.response((yr * yr + yi * yi) / act.intensityScale(), r);
        return new double[]{yr * r[0] - yi * r[1], yr * r[1] + yi * r[0]};
    }

    @Test
    void readoutErrorFieldIsTheConjugateCogradient() {
        // L = Σ w_bc·E_bc; perturbing o by δ changes L by 2·Re(Σ conj(∂L/∂o*)·δ) = 2·Re(Σ e·δ).
        Readout ro = new Readout(6, 5, List.of(new Readout.Region(0, 0, 3, 2), new Readout.Region(2, 1, 3, 4)));
        SplittableRandom rnd = new SplittableRandom(11);
        ComplexArray o = randomField(2, 5, 6, rnd);
        double[] w = {0.3, -1.2, 0.7, 0.4};
        ComplexArray e = o.zerosLike();
        ro.errorField(o, 2, w, e);
        double h = 1e-6;
        for (long i = 0; i < o.size(); i++) {
            for (int dir = 0; dir < 2; dir++) {
                double re = o.re(i);
                double im = o.im(i);
                o.set(i, re + (dir == 0 ? h : 0), im + (dir == 1 ? h : 0));
                double lp = weighted(ro, o, w);
                o.set(i, re - (dir == 0 ? h : 0), im - (dir == 1 ? h : 0));
                double lm = weighted(ro, o, w);
                o.set(i, re, im);
                double fd = (lp - lm) / (2 * h);
                double an = dir == 0 ? 2 * e.re(i) : -2 * e.im(i); // 2·Re(e·δ) for δ = 1 or i
                assertEquals(fd, an, TOL * Math.max(1, Math.abs(fd)), "pixel " + i + " dir " + dir);
            }
        }
    }

    private static double weighted(Readout ro, ComplexArray o, double[] w) {
        double[] en = new double[o.batch() * ro.classes()];
        ro.energies(o, o.batch(), en);
        double l = 0;
        for (int i = 0; i < en.length; i++) {
            l += w[i] * en[i];
        }
        return l;
    }

    static Stream<Object[]> networkCases() {
        List<Object[]> cases = new ArrayList<>();
        modulations().forEach(m -> activations().forEach(a -> cases.add(new Object[]{m, a})));
        return cases.stream();
    }

    /** The whole-network gradient (forward + transpose pass + accumulate) against central differences. */
    @ParameterizedTest
    @MethodSource("networkCases")
    void networkGradientMatchesFiniteDifference(Modulation mod, Activation act) {
        DiffractiveNetwork net = network(mod, act, 3);
        NetworkWorkspace ws = net.workspace(3, Precision.DOUBLE);
        SplittableRandom rnd = new SplittableRandom(17);
        ComplexArray input = randomField(3, GRID.ny(), GRID.nx(), rnd);
        double[] w = new double[3 * net.readout().classes()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextDouble(-1, 1);
        }
        Params p = new Params(new double[][]{randomParams(mod, GRID.size(), rnd), randomParams(mod, GRID.size(), rnd),
                randomParams(mod, GRID.size(), rnd)});
        // analytic
        ws.setParams(p);
        ws.input().copyFrom(input);
        ws.forwardRecording();
        net.readout().errorField(ws.output(), 3, w, ws.errorField());
        ws.transposePass(false);
        Params grad = p.zerosLike();
        ws.accumulateGradients(grad);
        // directional derivative along a random direction, and a few single components
        Params dir = p.zerosLike();
        for (double[] layer : dir.layers()) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] = rnd.nextDouble(-1, 1);
            }
        }
        double h = 1e-5;
        double fd = (loss(ws, net, input, shifted(p, dir, h), w) - loss(ws, net, input, shifted(p, dir, -h), w)) / (2 * h);
        double an = dot(grad, dir);
        assertTrue(Math.abs(fd - an) <= TOL * Math.abs(fd), mod.name() + "/" + act.name() + ": fd " + fd + " vs " + an);
        for (int l = 0; l < 3; l++) {
            int q = (int) (rnd.nextDouble() * p.layer(l).length);
            Params e = p.zerosLike();
            e.layer(l)[q] = 1;
            double fdq = (loss(ws, net, input, shifted(p, e, h), w) - loss(ws, net, input, shifted(p, e, -h), w)) / (2 * h);
            double anq = grad.layer(l)[q];
            assertTrue(Math.abs(fdq - anq) <= TOL * Math.max(Math.abs(fdq), 1e-3 * Math.abs(fd) / Math.sqrt(grad.count())),
                    mod.name() + "/" + act.name() + " layer " + l + " param " + q + ": fd " + fdq + " vs " + anq);
        }
    }

    /** The same check on the production propagator (band-limited ASM with 2× zero padding, FFTW or Java FFT). */
    @Test
    void networkGradientOnBandLimitedAsmMatchesFiniteDifference() {
        org.phasor.optics.propagation.Propagator prop = new org.phasor.optics.propagation.Propagator(
                org.phasor.math.fft.FftBackends.java(), msg -> { });
        List<DiffractiveNetwork.Layer> ls = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            ls.add(new DiffractiveNetwork.Layer(prop.freeSpace(GRID, 1e-3, org.phasor.optics.propagation.Method.BL_ASM, 2),
                    PhaseModulation.INSTANCE, new KerrPhase(0.5)));
        }
        DiffractiveNetwork net = new DiffractiveNetwork(GRID, ls,
                prop.freeSpace(GRID, 1e-3, org.phasor.optics.propagation.Method.BL_ASM, 2), network(PhaseModulation.INSTANCE, Activation.NONE, 1).readout());
        NetworkWorkspace ws = net.workspace(2, Precision.DOUBLE);
        SplittableRandom rnd = new SplittableRandom(31);
        ComplexArray input = randomField(2, GRID.ny(), GRID.nx(), rnd);
        double[] w = new double[2 * net.readout().classes()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextDouble(-1, 1);
        }
        Params p = net.randomParams(3, 2 * Math.PI);
        ws.setParams(p);
        ws.input().copyFrom(input);
        ws.forwardRecording();
        net.readout().errorField(ws.output(), 2, w, ws.errorField());
        ws.transposePass(false);
        Params grad = p.zerosLike();
        ws.accumulateGradients(grad);
        Params dir = p.zerosLike();
        for (double[] layer : dir.layers()) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] = rnd.nextDouble(-1, 1);
            }
        }
        double h = 1e-5;
        double fd = (loss(ws, net, input, shifted(p, dir, h), w) - loss(ws, net, input, shifted(p, dir, -h), w)) / (2 * h);
        double an = dot(grad, dir);
        assertTrue(Math.abs(fd - an) <= TOL * Math.abs(fd), "fd " + fd + " vs " + an);
    }

    /** Phase layers: the accumulated gradient equals the FFM formula −2·Im(m_l ⊙ v_l) summed over the batch. */
    @Test
    void phaseGradientIsMinusTwoImOfLeavingTimesCoField() {
        DiffractiveNetwork net = network(PhaseModulation.INSTANCE, Activation.NONE, 2);
        NetworkWorkspace ws = net.workspace(2, Precision.DOUBLE);
        SplittableRandom rnd = new SplittableRandom(23);
        Params p = net.randomParams(1, 2 * Math.PI);
        ws.setParams(p);
        ws.input().copyFrom(randomField(2, GRID.ny(), GRID.nx(), rnd));
        ws.forwardRecording();
        net.readout().errorField(ws.output(), 2, new double[]{1, -1, 0.5, 2, 0, 1, -2, 1}, ws.errorField());
        ws.transposePass(false);
        Params grad = p.zerosLike();
        ws.accumulateGradients(grad);
        for (int l = 1; l <= 2; l++) {
            ComplexArray m = ws.arriving(l).zerosLike();
            ws.leaving(l, m);
            ComplexArray v = ws.coField(l);
            for (int px = 0; px < GRID.size(); px++) {
                double g = 0;
                for (int b = 0; b < 2; b++) {
                    long i = (long) b * GRID.size() + px;
                    g += -2 * (m.re(i) * v.im(i) + m.im(i) * v.re(i));
                }
                assertEquals(g, grad.layer(l - 1)[px], 1e-12 * (1 + Math.abs(g)));
            }
        }
    }

    /** A linear phase network is reciprocal: ⟨a, M b⟩ = ⟨b, M a⟩ (bilinear), with M from forward, Mᵀ from transposePass. */
    @Test
    void transposePassIsTheTransposeOfTheForwardPass() {
        DiffractiveNetwork net = network(PhaseModulation.INSTANCE, Activation.NONE, 1);
        NetworkWorkspace ws = net.workspace(1, Precision.DOUBLE);
        ws.setParams(net.randomParams(2, 2 * Math.PI));
        SplittableRandom rnd = new SplittableRandom(29);
        ComplexArray a = randomField(1, GRID.ny(), GRID.nx(), rnd);
        ComplexArray b = randomField(1, GRID.ny(), GRID.nx(), rnd);
        ws.input().copyFrom(b);
        ws.forwardRecording();
        double[] lhs = bilinear(a, ws.output());
        ws.errorField().copyFrom(a);
        ws.transposePass(true);
        double[] rhs = bilinear(b, ws.coField(0));
        double scale = Math.hypot(lhs[0], lhs[1]);
        assertEquals(lhs[0], rhs[0], 1e-12 * scale);
        assertEquals(lhs[1], rhs[1], 1e-12 * scale);
    }

    private static double[] bilinear(ComplexArray x, ComplexArray y) {
        double re = 0;
        double im = 0;
        for (long i = 0; i < x.size(); i++) {
            re += x.re(i) * y.re(i) - x.im(i) * y.im(i);
            im += x.re(i) * y.im(i) + x.im(i) * y.re(i);
        }
        return new double[]{re, im};
    }

    static DiffractiveNetwork network(Modulation mod, Activation act, int layers) {
        List<DiffractiveNetwork.Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(new DiffractiveNetwork.Layer(new TestAsm(GRID, 1e-3 * (l + 1)), mod, act));
        }
        Readout ro = new Readout(16, 16, List.of(new Readout.Region(2, 2, 4, 4), new Readout.Region(10, 2, 4, 4),
                new Readout.Region(2, 10, 4, 4), new Readout.Region(10, 10, 4, 4)));
        return new DiffractiveNetwork(GRID, ls, new TestAsm(GRID, 2e-3), ro);
    }

    static double loss(NetworkWorkspace ws, DiffractiveNetwork net, ComplexArray input, Params p, double[] w) {
        ws.setParams(p);
        ws.input().copyFrom(input);
        ws.forwardRecording();
        return weighted(net.readout(), ws.output(), w);
    }

    static Params shifted(Params p, Params dir, double h) {
        Params q = p.copy();
        for (int l = 0; l < q.layerCount(); l++) {
            for (int i = 0; i < q.layer(l).length; i++) {
                q.layer(l)[i] += h * dir.layer(l)[i];
            }
        }
        return q;
    }

    static double dot(Params a, Params b) {
        double s = 0;
        for (int l = 0; l < a.layerCount(); l++) {
            for (int i = 0; i < a.layer(l).length; i++) {
                s += a.layer(l)[i] * b.layer(l)[i];
            }
        }
        return s;
    }

    static double[] randomParams(Modulation mod, int pixels, SplittableRandom rnd) {
        double[] p = new double[pixels * mod.paramsPerPixel()];
        for (int i = 0; i < p.length; i++) {
            p[i] = switch (mod) {
                case SlmModulation s -> Math.floor(rnd.nextDouble(0, s.levels() - 1)) + rnd.nextDouble(0.1, 0.9); // away from LUT knots
                case AmplitudeModulation a -> rnd.nextDouble(0.2, 1.0);
                default -> rnd.nextDouble(-Math.PI, Math.PI);
            };
        }
        return p;
    }

    static ComplexArray randomField(int batch, int ny, int nx, SplittableRandom rnd) {
        double[] v = new double[2 * batch * ny * nx];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return ComplexArray.fromInterleaved(Precision.DOUBLE, batch, ny, nx, v);
    }
}
