package org.phasor.math.fft;

import org.phasor.math.ComplexArray;

import java.util.stream.IntStream;

/**
 * Row–column 2-D FFT in pure Java. Rows are transformed one at a time; columns in groups of {@link #COLS}
 * gathered into a contiguous scratch block so memory is read in cache-line-sized runs. Work is split over
 * (batch item, row or column group) with a parallel stream so both cores stay busy. Arithmetic is double.
 */
final class JavaFft2 implements Fft2 {
    private static final int COLS = 8;
    private final Fft1 rowFft;
    private final Fft1 colFft;

    JavaFft2(Fft1 colFft, Fft1 rowFft) {
        this.colFft = colFft;
        this.rowFft = rowFft;
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

    private void run(ComplexArray a, boolean inverse) {
        requireShape(a);
        int ny = ny();
        int nx = nx();
        int batch = a.batch();
        // rows
        IntStream.range(0, batch * ny).parallel().forEach(r -> {
            double[] line = new double[2 * nx];
            double[] scratch = rowFft.newScratch();
            long start = (long) r * nx;
            a.load(start, line, 0, nx);
            rowFft.transform(line, 0, inverse, scratch);
            a.store(start, line, 0, nx);
        });
        // columns, in groups
        int groups = (nx + COLS - 1) / COLS;
        double scale = inverse ? 1.0 / ((double) nx * ny) : 1.0;
        IntStream.range(0, batch * groups).parallel().forEach(t -> {
            int b = t / groups;
            int c0 = (t % groups) * COLS;
            int w = Math.min(COLS, nx - c0);
            double[] block = new double[2 * ny * w]; // column-major: column c occupies [2*ny*c, 2*ny*(c+1))
            double[] row = new double[2 * w];
            double[] scratch = colFft.newScratch();
            for (int y = 0; y < ny; y++) {
                a.load(a.index(b, y, c0), row, 0, w);
                for (int c = 0; c < w; c++) {
                    block[2 * (c * ny + y)] = row[2 * c];
                    block[2 * (c * ny + y) + 1] = row[2 * c + 1];
                }
            }
            for (int c = 0; c < w; c++) {
                colFft.transform(block, 2 * ny * c, inverse, scratch);
            }
            for (int y = 0; y < ny; y++) {
                for (int c = 0; c < w; c++) {
                    row[2 * c] = block[2 * (c * ny + y)] * scale;
                    row[2 * c + 1] = block[2 * (c * ny + y) + 1] * scale;
                }
                a.store(a.index(b, y, c0), row, 0, w);
            }
        });
    }
}
