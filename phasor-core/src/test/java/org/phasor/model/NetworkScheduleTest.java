package org.phasor.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused per-item schedule of {@link NetworkWorkspace} (forward item by item through all planes; the training
 * error pass {@code transposePass(toInput, grad)} propagating each item's co-field in place with the gradient
 * accumulated on the way) against the plane-by-plane schedule with the recording {@code transposePass(toInput)} and
 * the separate {@link NetworkWorkspace#accumulateGradients} pass, which it replaced on the training path. Both run the same element-wise arithmetic; the sum over batch items
 * is grouped differently, so they agree to rounding: 1e-12 relative in double precision, and in single precision
 * to the storage rounding of the fields (1e-5: complex64 keeps 24 bits, and with fewer items than cores the
 * plane-by-plane order filters with H in double rather than in the storage precision).
 */
class NetworkScheduleTest {

    static List<Object[]> cases() {
        List<Object[]> c = new ArrayList<>();
        ModelGradientTest.modulations().forEach(m -> ModelGradientTest.activations().forEach(a -> c.add(new Object[]{m, a})));
        return c;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fusedScheduleEqualsPlaneByPlaneOnTheTestPropagator(Modulation mod, Activation act) {
        DiffractiveNetwork net = ModelGradientTest.network(mod, act, 3);
        SplittableRandom rnd = new SplittableRandom(41);
        Params p = new Params(new double[][]{ModelGradientTest.randomParams(mod, ModelGradientTest.GRID.size(), rnd),
                ModelGradientTest.randomParams(mod, ModelGradientTest.GRID.size(), rnd),
                ModelGradientTest.randomParams(mod, ModelGradientTest.GRID.size(), rnd)});
        compare(net, p, Precision.DOUBLE, 5, 1e-12, rnd);
    }

    /** The production propagator (band-limited ASM, with and without 2× padding), both storage precisions. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void fusedScheduleEqualsPlaneByPlaneOnFreeSpace(Precision precision) {
        Propagator prop = new Propagator(FftBackends.java(), msg -> { });
        for (int pad = 1; pad <= 2; pad++) {
            List<DiffractiveNetwork.Layer> ls = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                ls.add(new DiffractiveNetwork.Layer(prop.freeSpace(ModelGradientTest.GRID, 1e-3 * (l + 1), Method.BL_ASM, pad),
                        PhaseModulation.INSTANCE, l == 1 ? new KerrPhase(0.5) : Activation.NONE));
            }
            DiffractiveNetwork net = new DiffractiveNetwork(ModelGradientTest.GRID, ls,
                    prop.freeSpace(ModelGradientTest.GRID, 2e-3, Method.BL_ASM, pad),
                    ModelGradientTest.network(PhaseModulation.INSTANCE, Activation.NONE, 1).readout());
            SplittableRandom rnd = new SplittableRandom(43 + pad);
            compare(net, net.randomParams(5, 2 * Math.PI), precision, 6,
                    precision == Precision.DOUBLE ? 1e-12 : 1e-5, rnd);
        }
    }

    /** A short last batch (a view of the first items) takes the same paths. */
    @Test
    void shortBatchMatches() {
        DiffractiveNetwork net = ModelGradientTest.network(PhaseModulation.INSTANCE, new KerrPhase(0.7), 2);
        NetworkWorkspace ref = net.workspace(6, Precision.DOUBLE);
        NetworkWorkspace fused = net.workspace(6, Precision.DOUBLE);
        ref.setBatchSize(3);
        fused.setBatchSize(3);
        SplittableRandom rnd = new SplittableRandom(47);
        Params p = net.randomParams(9, 2 * Math.PI);
        Params[] g = run(net, p, ref, fused, ModelGradientTest.randomField(3, 16, 16, rnd), rnd);
        assertClose(g[0], g[1], 1e-12, "short batch gradient");
    }

    private static void compare(DiffractiveNetwork net, Params p, Precision precision, int batch, double tol,
                                SplittableRandom rnd) {
        NetworkWorkspace ref = net.workspace(batch, precision);
        NetworkWorkspace fused = net.workspace(batch, precision);
        ComplexArray input = ModelGradientTest.randomField(batch, 16, 16, rnd);
        Params[] g = run(net, p, ref, fused, input, rnd);
        for (int l = 1; l <= net.layerCount() + 1; l++) {
            assertClose(ref.arriving(l), fused.arriving(l), tol, "arriving field " + l);
        }
        // the fused training pass propagates the co-field in place and keeps only the one at the input plane
        assertClose(ref.coField(0), fused.coField(0), tol, "co-field at the input plane");
        assertClose(g[0], g[1], tol, "gradient");
    }

    /** Forward, transpose pass to the input and gradient: the reference schedule, then the fused one. */
    private static Params[] run(DiffractiveNetwork net, Params p, NetworkWorkspace ref, NetworkWorkspace fused,
                                ComplexArray input, SplittableRandom rnd) {
        int n = ref.batchSize();
        double[] w = new double[n * net.readout().classes()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextDouble(-1, 1);
        }
        ref.schedule(NetworkWorkspace.Schedule.PASSES);
        fused.schedule(NetworkWorkspace.Schedule.ITEMS);
        Params[] grads = {p.zerosLike(), p.zerosLike()};
        NetworkWorkspace[] ws = {ref, fused};
        for (int k = 0; k < 2; k++) {
            ws[k].setParams(p);
            ws[k].input().copyFrom(input.toPrecision(ws[k].precision()));
            ws[k].forwardRecording();
            net.readout().errorField(ws[k].output(), n, w, ws[k].errorField());
            if (k == 0) {
                ws[k].transposePass(true);
                ws[k].accumulateGradients(grads[k]);
            } else {
                ws[k].transposePass(true, grads[k]);
            }
        }
        return grads;
    }

    private static void assertClose(ComplexArray a, ComplexArray b, double tol, String what) {
        double diff = 0;
        double norm = 0;
        for (long i = 0; i < a.size(); i++) {
            diff += Math.pow(a.re(i) - b.re(i), 2) + Math.pow(a.im(i) - b.im(i), 2);
            norm += a.re(i) * a.re(i) + a.im(i) * a.im(i);
        }
        assertTrue(norm > 0, what + " is zero");
        double rel = Math.sqrt(diff / norm);
        assertTrue(rel <= tol, what + ": relative L2 difference " + rel + " > " + tol);
    }

    private static void assertClose(Params a, Params b, double tol, String what) {
        for (int l = 0; l < a.layerCount(); l++) {
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < a.layer(l).length; i++) {
                diff += Math.pow(a.layer(l)[i] - b.layer(l)[i], 2);
                norm += a.layer(l)[i] * a.layer(l)[i];
            }
            assertTrue(norm > 0, what + " layer " + l + " is zero");
            double rel = Math.sqrt(diff / norm);
            assertTrue(rel <= tol, what + " layer " + l + ": relative L2 difference " + rel + " > " + tol);
        }
    }
}
