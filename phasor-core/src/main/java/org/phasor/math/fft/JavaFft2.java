package org.phasor.math.fft;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;

import java.util.stream.IntStream;

/**
 * Row–column 2-D FFT in pure Java. Rows are transformed one at a time; columns in groups of {@link #COLS}
 * gathered into a contiguous scratch block so memory is read in cache-line-sized runs. Arithmetic is double.
 *
 * <p>Batches are split over the cores item by item (each item stays in one core's cache); a batch smaller than
 * the core count is split by rows and column groups instead. Scratch lines are per thread and reused.
 */
final class JavaFft2 implements Fft2 {
    private static final int COLS = 8;
    private final Fft1 rowFft;
    private final Fft1 colFft;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread work space: one row, one column block, and the 1-D FFTs' own scratch. */
    private static final class Scratch {
        final double[] row;
        final double[] block;
        final double[] rowScratch;
        final double[] colScratch;

        Scratch(Fft1 rowFft, Fft1 colFft) {
            row = new double[2 * rowFft.length()];
            block = new double[2 * colFft.length() * COLS];
            rowScratch = rowFft.newScratch();
            colScratch = colFft.newScratch();
        }
    }

    JavaFft2(Fft1 colFft, Fft1 rowFft) {
        this.colFft = colFft;
        this.rowFft = rowFft;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(rowFft, colFft));
    }

    @Override
    public int ny() {
        return colFft.length();
    }

    @Override
    public int nx() {
        return rowFft.length();
    }

    @Override
    public String backend() {
        return "java";
    }

    @Override
    public void forward(ComplexArray a) {
        run(a, false);
    }

    @Override
    public void inverse(ComplexArray a) {
        run(a, true);
    }

    @Override
    public void forwardSerial(ComplexArray a) {
        requireShape(a);
        for (int b = 0; b < a.batch(); b++) {
            item(a, b, false, 1.0);
        }
    }

    @Override
    public void inverseSerialUnscaled(ComplexArray a) {
        requireShape(a);
        for (int b = 0; b < a.batch(); b++) {
            item(a, b, true, 1.0);
        }
    }

    private void run(ComplexArray a, boolean inverse) {
        requireShape(a);
        double scale = inverse ? 1.0 / ((double) nx() * ny()) : 1.0;
        if (a.batch() >= Parallel.threads()) {
            Parallel.forRange(a.batch(), (from, to) -> {
                for (int b = from; b < to; b++) {
                    item(a, b, inverse, scale);
                }
            });
            return;
        }
        int ny = ny();
        int groups = (nx() + COLS - 1) / COLS;
        IntStream.range(0, a.batch() * ny).parallel().forEach(r -> row(a, r, inverse));
        IntStream.range(0, a.batch() * groups).parallel()
                .forEach(t -> columns(a, t / groups, (t % groups) * COLS, inverse, scale));
    }

    private void item(ComplexArray a, int b, boolean inverse, double scale) {
        int ny = ny();
        for (int y = 0; y < ny; y++) {
            row(a, b * ny + y, inverse);
        }
        for (int c0 = 0; c0 < nx(); c0 += COLS) {
            columns(a, b, c0, inverse, scale);
        }
    }

    private void row(ComplexArray a, int r, boolean inverse) {
        Scratch s = scratch.get();
        int nx = nx();
        long start = (long) r * nx;
        a.load(start, s.row, 0, nx);
        rowFft.transform(s.row, 0, inverse, s.rowScratch);
        a.store(start, s.row, 0, nx);
    }

    private void columns(ComplexArray a, int b, int c0, boolean inverse, double scale) {
        Scratch s = scratch.get();
        int ny = ny();
        int w = Math.min(COLS, nx() - c0);
        double[] block = s.block; // column-major: column c occupies [2*ny*c, 2*ny*(c+1))
        double[] row = s.row;
        for (int y = 0; y < ny; y++) {
            a.load(a.index(b, y, c0), row, 0, w);
            for (int c = 0; c < w; c++) {
                block[2 * (c * ny + y)] = row[2 * c];
                block[2 * (c * ny + y) + 1] = row[2 * c + 1];
            }
        }
        for (int c = 0; c < w; c++) {
            colFft.transform(block, 2 * ny * c, inverse, s.colScratch);
        }
        for (int y = 0; y < ny; y++) {
            for (int c = 0; c < w; c++) {
                row[2 * c] = block[2 * (c * ny + y)] * scale;
                row[2 * c + 1] = block[2 * (c * ny + y) + 1] * scale;
            }
            a.store(a.index(b, y, c0), row, 0, w);
        }
    }
}
