package org.phasor.optics.element;

import org.phasor.math.ComplexArray;

import java.util.stream.IntStream;

/** The element-wise kernel shared by every diagonal operator: a ← a ⊙ d (or d*) for each batch item. */
public final class Diagonal {
    /** Items are cut into bands of this many complex values; each parallel task handles one band. */
    private static final int BAND = 8 * ComplexArray.BLOCK;

    private Diagonal() {
    }

    /**
     * Multiplies every item of {@code a} element-wise by {@code d} (interleaved, one item long), conjugating d
     * when asked. Parallel over (item, band); {@code scratch} supplies each worker thread's block buffer
     * (length ≥ 2·{@link ComplexArray#BLOCK}) so nothing is allocated per call once warm.
     */
    public static void multiply(ComplexArray a, double[] d, boolean conjugate, ThreadLocal<double[]> scratch) {
        int item = a.itemSize();
        if (d.length != 2 * item) {
            throw new IllegalArgumentException("diagonal of " + d.length / 2 + " values applied to items of " + item);
        }
        int bands = (item + BAND - 1) / BAND;
        double sign = conjugate ? -1 : 1;
        IntStream.range(0, a.batch() * bands).parallel().forEach(t -> {
            int b = t / bands;
            int end = Math.min(item, (t % bands + 1) * BAND);
            double[] blk = scratch.get();
            for (int start = (t % bands) * BAND; start < end; start += ComplexArray.BLOCK) {
                int n = Math.min(ComplexArray.BLOCK, end - start);
                long base = (long) b * item + start;
                a.load(base, blk, 0, n);
                int o = 2 * start;
                for (int k = 0; k < 2 * n; k += 2) {
                    double dr = d[o + k];
                    double di = sign * d[o + k + 1];
                    double re = blk[k];
                    double im = blk[k + 1];
                    blk[k] = re * dr - im * di;
                    blk[k + 1] = re * di + im * dr;
                }
                a.store(base, blk, 0, n);
            }
        });
    }

    /** A per-thread block buffer for {@link #multiply}; each operator owns one. */
    public static ThreadLocal<double[]> newScratch() {
        return ThreadLocal.withInitial(() -> new double[2 * ComplexArray.BLOCK]);
    }
}
