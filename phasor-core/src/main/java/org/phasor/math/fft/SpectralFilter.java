package org.phasor.math.fft;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;

/**
 * The hot kernel of free-space propagation: {@code a ← F⁻¹( H ⊙ F a )} for every batch item, in place, fused.
 * Each core takes a contiguous run of items and, per item, runs the forward FFT, the multiply by the transfer
 * function (with the inverse FFT's 1/(nx·ny) folded in, so there is no separate scaling pass) and the inverse
 * FFT, then an optional element-wise {@link ItemKernel} (a phase mask, an intensity, a gradient accumulation)
 * while the item is still in that core's cache. No allocation per call: block scratch is per thread.
 *
 * <p>With {@code conjugate} the filter is conj(H): the adjoint of a propagation by H. (For a symmetric
 * transfer function, H(f) = H(−f) as in free space, the transpose is H itself.)
 */
public final class SpectralFilter {
    private static final ThreadLocal<double[][]> BLOCKS =
            ThreadLocal.withInitial(() -> new double[][]{new double[2 * ComplexArray.BLOCK], new double[2 * ComplexArray.BLOCK]});

    private SpectralFilter() {
    }

    /** Element-wise work on one item, run on the thread that just filtered it. */
    @FunctionalInterface
    public interface ItemKernel {
        /** @param item one-item view of the filtered array; {@code b} its index in the batch */
        void apply(ComplexArray item, int b);
    }

    /** {@code a ← F⁻¹( H ⊙ F a )} for every item of {@code a}; {@code h} is one {@code ny × nx} item in FFT order. */
    public static void apply(Fft2 fft, ComplexArray a, ComplexArray h, boolean conjugate) {
        apply(fft, a, h, conjugate, null);
    }

    /** As {@link #apply(Fft2, ComplexArray, ComplexArray, boolean)}, then {@code after} on each item (null: none). */
    public static void apply(Fft2 fft, ComplexArray a, ComplexArray h, boolean conjugate, ItemKernel after) {
        fft.requireShape(a);
        if (h.batch() != 1 || h.ny() != a.ny() || h.nx() != a.nx()) {
            throw new IllegalArgumentException("transfer function " + h.shape() + " does not fit field " + a.shape());
        }
        Parallel.forRange(a.batch(), (from, to) -> {
            for (int b = from; b < to; b++) {
                ComplexArray item = a.item(b);
                applySerial(fft, item, h, conjugate);
                if (after != null) {
                    after.apply(item, b);
                }
            }
        });
    }

    /**
     * The filter on the calling thread only, for callers that split the batch themselves (e.g. with
     * {@link Parallel#forChunks} to keep per-chunk accumulators). Shapes are the caller's to check.
     */
    public static void applySerial(Fft2 fft, ComplexArray a, ComplexArray h, boolean conjugate) {
        fft.forwardSerial(a);
        double scale = 1.0 / ((double) a.nx() * a.ny());
        for (int b = 0; b < a.batch(); b++) {
            multiply(a.item(b), h, conjugate, scale);
        }
        fft.inverseSerialUnscaled(a);
    }

    /** {@code item ← scale · H ⊙ item} (conj(H) when {@code conjugate}), computed in double on blocks. */
    static void multiply(ComplexArray item, ComplexArray h, boolean conjugate, double scale) {
        double[][] blocks = BLOCKS.get();
        double[] u = blocks[0];
        double[] t = blocks[1];
        double sign = conjugate ? -scale : scale;
        long n = item.size();
        for (long i = 0; i < n; i += ComplexArray.BLOCK) {
            int m = (int) Math.min(ComplexArray.BLOCK, n - i);
            item.load(i, u, 0, m);
            h.load(i, t, 0, m);
            for (int k = 0; k < 2 * m; k += 2) {
                double hr = t[k] * scale;
                double hi = t[k + 1] * sign;
                double ur = u[k];
                double ui = u[k + 1];
                u[k] = ur * hr - ui * hi;
                u[k + 1] = ur * hi + ui * hr;
            }
            item.store(i, u, 0, m);
        }
    }
}
