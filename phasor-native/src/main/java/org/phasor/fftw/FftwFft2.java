package org.phasor.fftw;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;
import org.phasor.math.Precision;
import org.phasor.math.fft.Fft2;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * A 2-D FFT through FFTW on the array's own off-heap memory, in place, no copies.
 *
 * <p>Two ways to use both cores, chosen by {@code -Dphasor.fftw.threading}:
 * <ul>
 *   <li>{@code items} (default): the batch is split into one contiguous run of items per core and each Java
 *       worker calls {@code fftw_execute_dft} on its items with a single-threaded per-item plan (FFTW allows
 *       concurrent execution of one plan on different arrays). Each item stays in one core's cache.</li>
 *   <li>{@code fftw}: one {@code fftw_plan_many_dft} over the whole batch, threaded by FFTW itself.</li>
 * </ul>
 * A batch of one always uses FFTW's threads. The measurements behind the default are in docs/results.md.
 */
final class FftwFft2 implements Fft2 {
    private final int ny;
    private final int nx;
    private final Precision precision;
    private final Fftw fftw;
    private final FftwApi api;
    private final boolean fftwThreads;
    private final long itemBytes;
    private final Fftw.PlanKey forwardItem;
    private final Fftw.PlanKey backwardItem;

    FftwFft2(Fftw fftw, int ny, int nx, Precision precision) {
        if (ny <= 0 || nx <= 0) {
            throw new IllegalArgumentException("FFT shape must be positive, got " + ny + "x" + nx);
        }
        this.ny = ny;
        this.nx = nx;
        this.precision = precision;
        this.fftw = fftw;
        this.api = fftw.api(precision);
        this.fftwThreads = threadingFromProperty();
        this.itemBytes = (long) ny * nx * precision.complexBytes();
        this.forwardItem = new Fftw.PlanKey(ny, nx, precision, 1, FftwApi.FORWARD, 1, true);
        this.backwardItem = new Fftw.PlanKey(ny, nx, precision, 1, FftwApi.BACKWARD, 1, true);
        fftw.plan(forwardItem); // plan now, so the first transform in a timed loop does not measure plans
        fftw.plan(backwardItem);
    }

    @Override
    public int ny() {
        return ny;
    }

    @Override
    public int nx() {
        return nx;
    }

    @Override
    public String backend() {
        return "fftw";
    }

    @Override
    public void forward(ComplexArray a) {
        run(a, FftwApi.FORWARD, false);
    }

    @Override
    public void inverse(ComplexArray a) {
        run(a, FftwApi.BACKWARD, true);
    }

    @Override
    public void forwardSerial(ComplexArray a) {
        check(a);
        items(a, 0, a.batch(), forwardItem, 1.0);
    }

    @Override
    public void inverseSerialUnscaled(ComplexArray a) {
        check(a);
        items(a, 0, a.batch(), backwardItem, 1.0);
    }

    private void run(ComplexArray a, int sign, boolean normalise) {
        check(a);
        double scale = normalise ? 1.0 / ((double) nx * ny) : 1.0;
        int threads = Parallel.threads();
        if (threads > 1 && (fftwThreads || a.batch() == 1)) {
            MemorySegment seg = a.segment();
            MemorySegment plan = fftw.plan(new Fftw.PlanKey(ny, nx, precision, a.batch(), sign, threads,
                    seg.address() % 64 == 0));
            api.execute(plan, seg, seg);
            if (normalise) {
                Parallel.forRange(a.batch(), (from, to) -> a.items(from, to - from).scale(scale));
            }
        } else {
            Fftw.PlanKey key = sign == FftwApi.FORWARD ? forwardItem : backwardItem;
            Parallel.forRange(a.batch(), (from, to) -> items(a, from, to, key, scale));
        }
    }

    /** Items {@code [from, to)} on this thread, each scaled right after its transform while it is in cache. */
    private void items(ComplexArray a, int from, int to, Fftw.PlanKey key, double scale) {
        MemorySegment seg = a.segment();
        for (int b = from; b < to; b++) {
            MemorySegment item = seg.asSlice(b * itemBytes, itemBytes);
            MemorySegment plan = item.address() % 64 == 0 ? fftw.plan(key)
                    : fftw.plan(new Fftw.PlanKey(ny, nx, precision, 1, key.sign(), 1, false));
            api.execute(plan, item, item);
            if (scale != 1.0) {
                a.item(b).scale(scale);
            }
        }
    }

    private void check(ComplexArray a) {
        requireShape(a);
        if (a.precision() != precision) {
            throw new IllegalArgumentException("FFT planned for " + precision.numpyName() + " got " + a.shape());
        }
    }

    private static boolean threadingFromProperty() {
        String t = System.getProperty("phasor.fftw.threading", "items").trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "items" -> false;
            case "fftw" -> true;
            default -> throw new IllegalArgumentException(
                    "phasor.fftw.threading must be items or fftw, got '" + t + "'");
        };
    }
}
