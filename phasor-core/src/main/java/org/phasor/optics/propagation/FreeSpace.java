package org.phasor.optics.propagation;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;
import org.phasor.math.Precision;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackend;
import org.phasor.math.fft.SpectralFilter;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Free-space propagation over a fixed distance between planes of equal sampling, as a {@link LinearOp}:
 * M = crop ∘ F⁻¹ · diag(H) · F ∘ zero-pad (padding only when {@code pad = 2}, which turns the circular
 * convolution of the DFT into a linear one).
 *
 * <ul>
 *   <li>Adjoint Mᴴ = crop ∘ F⁻¹ · diag(H*) · F ∘ pad (the DFT is unitary up to the 1/N that F⁻¹ carries).</li>
 *   <li>Transpose Mᵀ = M: the DFT matrix is symmetric, H(−f) = H(f), and crop and pad are each other's
 *       transposes. This is reciprocity; the tests check it rather than assume it.</li>
 * </ul>
 *
 * <p>Hot path: with at least one item per core, each core takes a contiguous run of items and, per item, runs
 * FFT → multiply by the cached H → inverse FFT while the item is in its cache ({@link SpectralFilter}); with
 * fewer items (one field from the command line) the FFT itself is parallelised over rows and the multiply over
 * blocks. {@link #applySerial} runs the per-item kernel on the calling thread, for callers that parallelise over
 * items themselves and fuse their own element-wise work around it. Nothing is allocated per call once warm except
 * the zero-padding scratch, which this object keeps and re-uses. Safe to call from several threads on different
 * arrays (a concurrent padded call allocates its own scratch).
 */
public final class FreeSpace implements LinearOp {
    /** Items padded at once: bounds the scratch (pad² × item size each) while keeping the FFT batch useful. */
    private static final int PAD_GROUP = 4;

    private final Grid grid;
    private final TransferFunction h;
    private final FftBackend backend;
    private final int pad;
    private final int px;
    private final int py;
    private final Fft2[] plans = new Fft2[Precision.values().length];
    /** H as a one-item array per storage precision (for the fused kernel), made on first use. */
    private final ComplexArray[] hArrays = new ComplexArray[Precision.values().length];
    private final AtomicReference<ComplexArray> padScratch = new AtomicReference<>();
    /** One-item padding scratch for {@link #applySerial} callers, per storage precision; one per concurrent caller. */
    private final List<ConcurrentLinkedQueue<ComplexArray>> itemScratch =
            Stream.of(Precision.values()).map(p -> new ConcurrentLinkedQueue<ComplexArray>()).toList();
    private final ThreadLocal<double[]> blocks = ThreadLocal.withInitial(() -> new double[2 * ComplexArray.BLOCK]);

    /**
     * @param grid    sampling of the input and output planes (must match the transfer function's key)
     * @param h       transfer function (from {@link Propagator} or {@link TransferFunction#compute})
     * @param backend FFT backend used for every call
     */
    public FreeSpace(Grid grid, TransferFunction h, FftBackend backend) {
        TransferKey k = h.key();
        if (k.nx() != grid.nx() || k.ny() != grid.ny() || k.dx() != grid.dx() || k.dy() != grid.dy()
                || k.wavelength() != grid.wavelength()) {
            throw new IllegalArgumentException("transfer function for " + k + " does not match grid " + grid.describe());
        }
        this.grid = grid;
        this.h = h;
        this.backend = java.util.Objects.requireNonNull(backend, "backend");
        this.pad = k.pad();
        this.px = grid.nx() * pad;
        this.py = grid.ny() * pad;
    }

    @Override
    public Grid grid() {
        return grid;
    }

    public double distance() {
        return h.key().distance();
    }

    public Method method() {
        return h.key().method();
    }

    public int pad() {
        return pad;
    }

    public TransferFunction transferFunction() {
        return h;
    }

    @Override
    public void apply(ComplexArray a) {
        run(a, false);
    }

    @Override
    public void applyAdjoint(ComplexArray a) {
        run(a, true);
    }

    /** Mᵀ = M (see the class comment). */
    @Override
    public void applyTranspose(ComplexArray a) {
        run(a, false);
    }

    /** M on the calling thread: per item, the same FFT → × H → inverse FFT as the batch-parallel path. */
    @Override
    public void applySerial(ComplexArray a) {
        runSerial(a, false);
    }

    /** Mᵀ = M on the calling thread. */
    @Override
    public void applyTransposeSerial(ComplexArray a) {
        runSerial(a, false);
    }

    private Fft2 plan(Precision p) {
        Fft2 f = plans[p.ordinal()];
        if (f == null) { // a benign race: two threads may both plan; plans are immutable and equivalent
            f = backend.plan(py, px, p);
            plans[p.ordinal()] = f;
        }
        return f;
    }

    private ComplexArray hArray(Precision p) {
        ComplexArray a = hArrays[p.ordinal()];
        if (a == null) { // benign race as for plans
            a = ComplexArray.fromInterleaved(p, 1, py, px, h.values());
            hArrays[p.ordinal()] = a;
        }
        return a;
    }

    private void run(ComplexArray a, boolean conjugate) {
        requireShape(a);
        Fft2 fft = plan(a.precision());
        if (a.batch() >= Parallel.threads()) {
            runFused(fft, a, conjugate);
        } else {
            runPasses(fft, a, conjugate);
        }
    }

    private void runSerial(ComplexArray a, boolean conjugate) {
        requireShape(a);
        Fft2 fft = plan(a.precision());
        ComplexArray hp = hArray(a.precision());
        if (pad == 1) {
            for (int b = 0; b < a.batch(); b++) {
                SpectralFilter.applySerial(fft, a.item(b), hp, conjugate);
            }
            return;
        }
        ConcurrentLinkedQueue<ComplexArray> pool = itemScratch.get(a.precision().ordinal());
        ComplexArray work = pool.poll();
        if (work == null) {
            work = ComplexArray.zeros(a.precision(), 1, py, px);
        }
        for (int b = 0; b < a.batch(); b++) {
            ComplexArray item = a.item(b);
            work.clear();
            copyRows(item, work, true, false);
            SpectralFilter.applySerial(fft, work, hp, conjugate);
            copyRows(item, work, false, false);
        }
        pool.offer(work);
    }

    private void requireShape(ComplexArray a) {
        if (a.nx() != grid.nx() || a.ny() != grid.ny()) {
            throw new IllegalArgumentException("free-space propagation on " + grid.describe()
                    + " got an array " + a.shape());
        }
    }

    /** One item per core at a time: FFT, multiply and inverse FFT of an item on one thread. */
    private void runFused(Fft2 fft, ComplexArray a, boolean conjugate) {
        ComplexArray hp = hArray(a.precision());
        if (pad == 1) {
            SpectralFilter.apply(fft, a, hp, conjugate);
            return;
        }
        int chunks = Parallel.chunks(a.batch());
        ComplexArray scratch = takeScratch(a.precision(), chunks);
        Parallel.forChunks(a.batch(), (c, from, to) -> {
            ComplexArray work = scratch.item(c);
            for (int b = from; b < to; b++) {
                ComplexArray item = a.item(b);
                work.clear();
                copyRows(item, work, true, false);
                SpectralFilter.applySerial(fft, work, hp, conjugate);
                copyRows(item, work, false, false);
            }
        });
        padScratch.set(scratch);
    }

    /** Few items: the whole (padded) batch goes through the FFT, which parallelises over rows itself. */
    private void runPasses(Fft2 fft, ComplexArray a, boolean conjugate) {
        if (pad == 1) {
            fft.forward(a);
            multiply(a, conjugate);
            fft.inverse(a);
            return;
        }
        int group = Math.min(PAD_GROUP, a.batch());
        ComplexArray scratch = takeScratch(a.precision(), group);
        for (int b0 = 0; b0 < a.batch(); b0 += group) {
            int n = Math.min(group, a.batch() - b0);
            ComplexArray part = a.items(b0, n);
            ComplexArray work = scratch.items(0, n);
            work.clear();
            copyRows(part, work, true, true);
            fft.forward(work);
            multiply(work, conjugate);
            fft.inverse(work);
            copyRows(part, work, false, true);
        }
        padScratch.set(scratch);
    }

    /** The kept padding scratch when it fits, else a new one (returned with {@code padScratch.set} after use). */
    private ComplexArray takeScratch(Precision p, int items) {
        ComplexArray scratch = padScratch.getAndSet(null);
        if (scratch == null || scratch.precision() != p || scratch.batch() < items) {
            scratch = ComplexArray.zeros(p, items, py, px);
        }
        return scratch;
    }

    /** Copies rows between an unpadded array and the centre of a padded one (embed or crop). */
    private void copyRows(ComplexArray small, ComplexArray big, boolean embed, boolean parallel) {
        int nx = grid.nx();
        int ny = grid.ny();
        int ox = (px - nx) / 2;
        int oy = (py - ny) / 2;
        long cb = small.precision().complexBytes();
        MemorySegment s = small.segment();
        MemorySegment g = big.segment();
        IntStream rows = IntStream.range(0, small.batch() * ny);
        (parallel ? rows.parallel() : rows).forEach(r -> {
            int b = r / ny;
            int y = r % ny;
            long so = small.index(b, y, 0) * cb;
            long go = big.index(b, y + oy, ox) * cb;
            if (embed) {
                MemorySegment.copy(s, so, g, go, nx * cb);
            } else {
                MemorySegment.copy(g, go, s, so, nx * cb);
            }
        });
    }

    /** a ← a ⊙ H (or H*), each item, in parallel over (item, block). */
    private void multiply(ComplexArray a, boolean conjugate) {
        double[] hv = h.values();
        int item = px * py;
        int chunks = (item + ComplexArray.BLOCK - 1) / ComplexArray.BLOCK;
        double sign = conjugate ? -1 : 1;
        IntStream.range(0, a.batch() * chunks).parallel().forEach(t -> {
            int b = t / chunks;
            int start = (t % chunks) * ComplexArray.BLOCK;
            int n = Math.min(ComplexArray.BLOCK, item - start);
            double[] blk = blocks.get();
            long base = (long) b * item + start;
            a.load(base, blk, 0, n);
            int ho = 2 * start;
            for (int k = 0; k < 2 * n; k += 2) {
                double hr = hv[ho + k];
                double hi = sign * hv[ho + k + 1];
                double re = blk[k];
                double im = blk[k + 1];
                blk[k] = re * hr - im * hi;
                blk[k + 1] = re * hi + im * hr;
            }
            a.store(base, blk, 0, n);
        });
    }

    @Override
    public String toString() {
        return "FreeSpace[" + method() + ", z=" + distance() + " m, pad=" + pad + ", " + grid.describe() + "]";
    }
}
