package org.phasor.math;

import java.util.stream.IntStream;

/**
 * Splits batch-major work over the cores: {@code [0, n)} is cut into one contiguous chunk per worker and the
 * chunks run on the common fork-join pool (the calling thread takes one). Contiguous chunks keep each worker on
 * its own items, so per-item work (FFT, multiply, inverse FFT) stays in that core's cache.
 *
 * <p>The worker count is {@code -Dphasor.threads=N}, else the number of available processors.
 */
public final class Parallel {
    private static final int THREADS = threadsFromProperty();

    private Parallel() {
    }

    /** A body that handles the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** A body that handles chunk number {@code chunk} ({@code 0 ≤ chunk < chunks(n)}), the range {@code [from, to)}. */
    @FunctionalInterface
    public interface Chunk {
        void run(int chunk, int from, int to);
    }

    /** Worker count used by {@link #forRange}. */
    public static int threads() {
        return THREADS;
    }

    /** Runs {@code body} over {@code [0, n)} in at most {@link #threads()} contiguous chunks, in parallel. */
    public static void forRange(int n, Range body) {
        forChunks(n, (chunk, from, to) -> body.run(from, to));
    }

    /** How many chunks {@link #forChunks} cuts {@code n} items into (for per-chunk accumulators). */
    public static int chunks(int n) {
        return Math.max(1, Math.min(n, THREADS));
    }

    /** As {@link #forRange}, telling each body its chunk number (to pick a per-chunk accumulator). */
    public static void forChunks(int n, Chunk body) {
        int chunks = chunks(n);
        if (chunks == 1) {
            if (n > 0) {
                body.run(0, 0, n);
            }
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            body.run(c, from, to);
        });
    }

    private static int threadsFromProperty() {
        String p = System.getProperty("phasor.threads");
        int cores = Runtime.getRuntime().availableProcessors();
        if (p == null || p.isBlank()) {
            return cores;
        }
        try {
            int t = Integer.parseInt(p.trim());
            return t > 0 ? t : cores;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phasor.threads must be a positive integer, got '" + p + "'");
        }
    }
}
