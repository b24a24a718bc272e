package org.phasor.train.optim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest {

    /** f(p) = ½ Σ a_i (p_i − c_i)², an ill-conditioned quadratic (a from 0.1 to 10). */
    private static final double[] A = {0.1, 1, 3, 10};
    private static final double[] C = {1, -2, 0.5, 4};

    private static void quadraticGradient(double[] p, double[] g) {
        for (int i = 0; i < p.length; i++) {
            g[i] = A[i] * (p[i] - C[i]);
        }
    }

    private static double distance(double[] p) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (p[i] - C[i]) * (p[i] - C[i]);
        }
        return Math.sqrt(s);
    }

    private static double[] run(Optimizer opt, int steps) {
        double[] p = new double[A.length];
        double[] g = new double[A.length];
        for (int s = 0; s < steps; s++) {
            quadraticGradient(p, g);
            opt.step(new double[][]{p}, new double[][]{g});
        }
        return p;
    }

    @Test
    void adamConvergesOnAQuadratic() {
        double[] p = run(new Adam(new int[]{4}, LearningRateSchedule.cosine(0.1, 3000, 1e-4)), 3000);
        assertTrue(distance(p) < 1e-3, "distance " + distance(p));
    }

    @Test
    void sgdWithMomentumConverges() {
        assertTrue(distance(run(new Sgd(new int[]{4}, LearningRateSchedule.constant(0.05), 0.9), 2000)) < 1e-6);
        assertTrue(distance(run(new Sgd(new int[]{4}, LearningRateSchedule.constant(0.05), 0.9, true, List.of()), 2000)) < 1e-6);
        // plain gradient descent on the slow coordinate (a = 0.1) is much slower than with momentum
        double plain = distance(run(new Sgd(new int[]{4}, LearningRateSchedule.constant(0.05), 0.0), 500));
        double heavy = distance(run(new Sgd(new int[]{4}, LearningRateSchedule.constant(0.05), 0.9), 500));
        assertTrue(heavy < plain / 10, plain + " vs " + heavy);
    }

    @Test
    void adamFirstStepIsTheLearningRateWhateverTheGradientScale() {
        for (double scale : new double[]{1e-4, 1, 1e4}) {
            double[] p = {0, 0, 0};
            double[] g = {scale, -3 * scale, 0.5 * scale};
            new Adam(new int[]{3}, LearningRateSchedule.constant(0.05)).step(new double[][]{p}, new double[][]{g});
            assertEquals(-0.05, p[0], 5e-5, "ε = 1e-8 shortens the step by ε/|g|");
            assertEquals(0.05, p[1], 5e-5);
            assertEquals(-0.05, p[2], 5e-5);
        }
    }

    @Test
    void schedulesGiveTheDocumentedValues() {
        assertEquals(0.3, LearningRateSchedule.constant(0.3).rate(1_000_000));
        LearningRateSchedule st = LearningRateSchedule.step(1.0, 10, 0.5);
        assertEquals(1.0, st.rate(0));
        assertEquals(1.0, st.rate(9));
        assertEquals(0.5, st.rate(10));
        assertEquals(0.25, st.rate(25));
        LearningRateSchedule cos = LearningRateSchedule.cosine(1.0, 100, 0.1);
        assertEquals(1.0, cos.rate(0), 1e-15);
        assertEquals(0.55, cos.rate(50), 1e-15);
        assertEquals(0.1, cos.rate(100), 1e-15);
        assertEquals(0.1, cos.rate(1000), 1e-15);
        LearningRateSchedule wu = LearningRateSchedule.warmup(4, LearningRateSchedule.step(0.8, 2, 0.5));
        assertArrayEquals(new double[]{0.2, 0.4, 0.6, 0.8, 0.8, 0.8, 0.4},
                new double[]{wu.rate(0), wu.rate(1), wu.rate(2), wu.rate(3), wu.rate(4), wu.rate(5), wu.rate(6)}, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(1, 0, 0));
    }

    @Test
    void stateRestoreGivesBitIdenticalContinuation() {
        for (String kind : new String[]{"adam", "sgd"}) {
            int[] sizes = {5, 3};
            java.util.function.Supplier<Optimizer> make = () -> kind.equals("adam")
                    ? new Adam(sizes, LearningRateSchedule.warmup(3, LearningRateSchedule.cosine(0.1, 20, 0.0)),
                    Adam.DEFAULTS, List.of(ParameterConstraint.PHASE_WRAP, new ParameterConstraint.Clamp(-1, 1)))
                    : new Sgd(sizes, LearningRateSchedule.step(0.1, 4, 0.5), 0.9, true, List.of());
            SplittableRandom rnd = new SplittableRandom(3);
            double[][][] grads = new double[20][][];
            for (int s = 0; s < 20; s++) {
                grads[s] = new double[][]{rnd.doubles(5, -1, 1).toArray(), rnd.doubles(3, -1, 1).toArray()};
            }
            // uninterrupted
            Optimizer a = make.get();
            double[][] pa = {new double[5], new double[3]};
            for (int s = 0; s < 20; s++) {
                a.step(pa, grads[s]);
            }
            // interrupted after 8 steps, state saved, fresh optimiser restored
            Optimizer b = make.get();
            double[][] pb = {new double[5], new double[3]};
            for (int s = 0; s < 8; s++) {
                b.step(pb, grads[s]);
            }
            OptimizerState saved = b.state();
            double[][] savedParams = {pb[0].clone(), pb[1].clone()};
            b.step(pb, grads[8]); // the saved copy must not change with the optimiser
            assertFalse(saved.sameAs(b.state()));
            Optimizer c = make.get();
            c.restore(saved);
            assertEquals(8, c.steps());
            assertTrue(c.state().sameAs(saved));
            for (int s = 8; s < 20; s++) {
                c.step(savedParams, grads[s]);
            }
            assertArrayEquals(pa[0], savedParams[0], kind);
            assertArrayEquals(pa[1], savedParams[1], kind);
            assertTrue(a.state().sameAs(c.state()));
        }
    }

    @Test
    void restoreRejectsForeignState() {
        Adam adam = new Adam(new int[]{4}, LearningRateSchedule.constant(0.1));
        Sgd sgd = new Sgd(new int[]{4}, LearningRateSchedule.constant(0.1), 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adam.restore(sgd.state()));
        assertTrue(e.getMessage().contains("'sgd'"), e.getMessage());
        Adam other = new Adam(new int[]{5}, LearningRateSchedule.constant(0.1));
        assertThrows(IllegalArgumentException.class, () -> adam.restore(other.state()));
        assertEquals(List.of("m.0", "v.0"), List.copyOf(adam.state().arrays().keySet()));
    }

    @Test
    void constraints() {
        double[] p = {-0.1, 2 * Math.PI, 7, -4 * Math.PI - 1e-17, 3};
        ParameterConstraint.PHASE_WRAP.apply(p);
        for (double v : p) {
            assertTrue(v >= 0 && v < 2 * Math.PI, "wrapped " + v);
        }
        assertEquals(2 * Math.PI - 0.1, p[0], 1e-15);
        assertEquals(0.0, p[1]);
        assertEquals(7 - 2 * Math.PI, p[2], 1e-15);
        assertEquals(3.0, p[4]);
        double[] q = {-2, 0.5, 9};
        new ParameterConstraint.Clamp(0, 1).apply(q);
        assertArrayEquals(new double[]{0, 0.5, 1}, q);

        SigmoidBound sb = new SigmoidBound(0.2, 1.0);
        assertEquals(0.6, sb.value(0), 1e-15);
        assertEquals(0.7, sb.value(sb.inverse(0.7)), 1e-12);
        assertEquals(0.2, sb.value(-800), 1e-15); // no overflow
        double h = 1e-6;
        for (double t : new double[]{-3, 0, 0.4, 5}) {
            double num = (sb.value(t + h) - sb.value(t - h)) / (2 * h);
            assertEquals(num, sb.derivative(t), 1e-9 * Math.max(1, Math.abs(num)));
        }
    }
}
