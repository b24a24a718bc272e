package org.phasor.benchmarks;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;

/** The unfused multiply pass used by {@link PropagationBenchmark}'s {@code passes} kernel, parallel over items. */
final class PassKernels {
    private static final ThreadLocal<double[][]> BLOCKS = ThreadLocal.withInitial(
            () -> new double[][]{new double[2 * ComplexArray.BLOCK], new double[2 * ComplexArray.BLOCK]});

    private PassKernels() {
    }

    /** {@code a[b] ← h ⊙ a[b]} for every item b. */
    static void multiplyBroadcast(ComplexArray a, ComplexArray h) {
        Parallel.forRange(a.batch(), (from, to) -> {
            double[][] blk = BLOCKS.get();
            double[] u = blk[0];
            double[] t = blk[1];
            for (int b = from; b < to; b++) {
                ComplexArray item = a.item(b);
                for (long i = 0; i < item.size(); i += ComplexArray.BLOCK) {
                    int m = (int) Math.min(ComplexArray.BLOCK, item.size() - i);
                    item.load(i, u, 0, m);
                    h.load(i, t, 0, m);
                    for (int k = 0; k < 2 * m; k += 2) {
                        double ur = u[k];
                        double ui = u[k + 1];
                        u[k] = ur * t[k] - ui * t[k + 1];
                        u[k + 1] = ur * t[k + 1] + ui * t[k];
                    }
                    item.store(i, u, 0, m);
                }
            }
        });
    }
}
