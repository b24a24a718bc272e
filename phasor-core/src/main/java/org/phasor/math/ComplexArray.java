package org.phasor.math;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A batch of 2-D complex arrays, shape {@code [batch][ny][nx]}, stored contiguously batch-major in one
 * off-heap segment with real and imaginary parts interleaved (the layout FFTW and NumPy take without a copy).
 * The segment is 64-byte aligned so native SIMD transforms can run on it in place.
 *
 * <p>This is a mutable buffer, meant to be owned by one object inside a hot loop; value types (geometry,
 * configs, results) are records elsewhere. Indices named {@code i} are flat complex indices
 * {@code (b * ny + y) * nx + x}.
 *
 * <p>Kernels compute in {@code double}: {@link #load} copies a run of complex values into an interleaved
 * {@code double[]} block and {@link #store} writes it back in the storage precision, so every algorithm has a
 * single code path whatever the {@link Precision}.
 */
public final class ComplexArray {
    private static final long ALIGNMENT = 64;

    private final Precision precision;
    private final int batch;
    private final int ny;
    private final int nx;
    private final MemorySegment segment;

    private ComplexArray(Precision precision, int batch, int ny, int nx, MemorySegment segment) {
        this.precision = precision;
        this.batch = batch;
        this.ny = ny;
        this.nx = nx;
        this.segment = segment;
    }

    /** A zero-filled array; memory is freed when the array becomes unreachable. */
    public static ComplexArray zeros(Precision precision, int batch, int ny, int nx) {
        Objects.requireNonNull(precision, "precision");
        if (batch <= 0 || ny <= 0 || nx <= 0) {
            throw new IllegalArgumentException(
                    "array shape must be positive, got batch=" + batch + " ny=" + ny + " nx=" + nx);
        }
        long bytes = (long) batch * ny * nx * precision.complexBytes();
        MemorySegment seg = Arena.ofAuto().allocate(bytes, ALIGNMENT); // allocate() zero-fills
        return new ComplexArray(precision, batch, ny, nx, seg);
    }

    /** An array of the same shape and precision, zero-filled. */
    public ComplexArray zerosLike() {
        return zeros(precision, batch, ny, nx);
    }

    /** A deep copy. */
    public ComplexArray copy() {
        ComplexArray c = zerosLike();
        c.segment.copyFrom(segment);
        return c;
    }

    /** A deep copy in another precision (values rounded when narrowing). */
    public ComplexArray toPrecision(Precision target) {
        if (target == precision) {
            return copy();
        }
        ComplexArray c = zeros(target, batch, ny, nx);
        c.copyFrom(this);
        return c;
    }

    /** Copies all values from {@code src} (same shape; precision may differ). */
    public void copyFrom(ComplexArray src) {
        requireSameShape(src);
        if (src.precision == precision) {
            segment.copyFrom(src.segment);
            return;
        }
        double[] block = new double[2 * Math.min(BLOCK, (int) Math.min(Integer.MAX_VALUE, size()))];
        for (long i = 0; i < size(); i += BLOCK) {
            int n = (int) Math.min(BLOCK, size() - i);
            src.load(i, block, 0, n);
            store(i, block, 0, n);
        }
    }

    /** Preferred block length (complex values) for kernels that {@link #load} and {@link #store}. */
    public static final int BLOCK = 1024;

    /** Builds an array from interleaved (re, im) doubles of length {@code 2*batch*ny*nx}. */
    public static ComplexArray fromInterleaved(Precision precision, int batch, int ny, int nx, double[] reIm) {
        ComplexArray a = zeros(precision, batch, ny, nx);
        if (reIm.length != 2 * a.size()) {
            throw new IllegalArgumentException("expected " + 2 * a.size() + " interleaved values, got " + reIm.length);
        }
        a.store(0, reIm, 0, (int) a.size());
        return a;
    }

    /** All values as interleaved (re, im) doubles. */
    public double[] toInterleaved() {
        if (2 * size() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("array too large for a Java array: " + size() + " complex values");
        }
        double[] out = new double[(int) (2 * size())];
        load(0, out, 0, (int) size());
        return out;
    }

    public Precision precision() {
        return precision;
    }

    public int batch() {
        return batch;
    }

    public int ny() {
        return ny;
    }

    public int nx() {
        return nx;
    }

    /** Complex values per batch item ({@code ny * nx}). */
    public int itemSize() {
        return ny * nx;
    }

    /** Total complex values. */
    public long size() {
        return (long) batch * ny * nx;
    }

    /** The backing segment (interleaved re/im, storage precision); for native kernels. */
    public MemorySegment segment() {
        return segment;
    }

    /** A view of batch item {@code b} (shares memory with this array). */
    public ComplexArray item(int b) {
        Objects.checkIndex(b, batch);
        long bytes = (long) itemSize() * precision.complexBytes();
        return new ComplexArray(precision, 1, ny, nx, segment.asSlice(b * bytes, bytes));
    }

    /** A view of items {@code [from, from+count)} (shares memory). */
    public ComplexArray items(int from, int count) {
        Objects.checkFromIndexSize(from, count, batch);
        long bytes = (long) itemSize() * precision.complexBytes();
        return new ComplexArray(precision, count, ny, nx, segment.asSlice(from * bytes, count * bytes));
    }

    public double re(long i) {
        return precision == Precision.SINGLE
                ? segment.getAtIndex(ValueLayout.JAVA_FLOAT, 2 * i)
                : segment.getAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i);
    }

    public double im(long i) {
        return precision == Precision.SINGLE
                ? segment.getAtIndex(ValueLayout.JAVA_FLOAT, 2 * i + 1)
                : segment.getAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i + 1);
    }

    public void set(long i, double re, double im) {
        if (precision == Precision.SINGLE) {
            segment.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * i, (float) re);
            segment.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * i + 1, (float) im);
        } else {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i, re);
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i + 1, im);
        }
    }

    /** Flat index of (b, y, x). */
    public long index(int b, int y, int x) {
        return ((long) b * ny + y) * nx + x;
    }

    /** Copies {@code n} complex values starting at flat index {@code start} into {@code dst} (interleaved) at complex offset {@code dstOff}. */
    public void load(long start, double[] dst, int dstOff, int n) {
        if (precision == Precision.DOUBLE) {
            MemorySegment.copy(segment, ValueLayout.JAVA_DOUBLE, 16 * start, dst, 2 * dstOff, 2 * n);
        } else {
            // bulk copy into a per-thread float block, then widen: about twice as fast as element-wise access
            float[] f = FLOATS.get();
            for (int done = 0; done < n; done += BLOCK) {
                int m = Math.min(BLOCK, n - done);
                MemorySegment.copy(segment, ValueLayout.JAVA_FLOAT, 8 * (start + done), f, 0, 2 * m);
                int o = 2 * (dstOff + done);
                for (int k = 0; k < 2 * m; k++) {
                    dst[o + k] = f[k];
                }
            }
        }
    }

    /** Writes {@code n} complex values from {@code src} (interleaved, complex offset {@code srcOff}) at flat index {@code start}. */
    public void store(long start, double[] src, int srcOff, int n) {
        if (precision == Precision.DOUBLE) {
            MemorySegment.copy(src, 2 * srcOff, segment, ValueLayout.JAVA_DOUBLE, 16 * start, 2 * n);
        } else {
            float[] f = FLOATS.get();
            for (int done = 0; done < n; done += BLOCK) {
                int m = Math.min(BLOCK, n - done);
                int o = 2 * (srcOff + done);
                for (int k = 0; k < 2 * m; k++) {
                    f[k] = (float) src[o + k];
                }
                MemorySegment.copy(f, 0, segment, ValueLayout.JAVA_FLOAT, 8 * (start + done), 2 * m);
            }
        }
    }

    /** Per-thread staging block for {@link #load} and {@link #store} in single precision. */
    private static final ThreadLocal<float[]> FLOATS = ThreadLocal.withInitial(() -> new float[2 * BLOCK]);

    private static final ThreadLocal<double[]> SCALE_BLOCK = ThreadLocal.withInitial(() -> new double[2 * BLOCK]);

    /** Multiplies every value by the real {@code factor} in place (computed in double, stored in the storage precision). */
    public void scale(double factor) {
        double[] block = SCALE_BLOCK.get();
        for (long i = 0; i < size(); i += BLOCK) {
            int n = (int) Math.min(BLOCK, size() - i);
            load(i, block, 0, n);
            for (int k = 0; k < 2 * n; k++) {
                block[k] *= factor;
            }
            store(i, block, 0, n);
        }
    }

    /** Sets every value to zero. */
    public void clear() {
        segment.fill((byte) 0);
    }

    /** Sum of |z|^2 over all values. */
    public double sumAbs2() {
        double s = 0;
        double[] block = new double[2 * BLOCK];
        for (long i = 0; i < size(); i += BLOCK) {
            int n = (int) Math.min(BLOCK, size() - i);
            load(i, block, 0, n);
            for (int k = 0; k < 2 * n; k++) {
                s += block[k] * block[k];
            }
        }
        return s;
    }

    /** True when batch, ny and nx agree. */
    public boolean sameShape(ComplexArray o) {
        return batch == o.batch && ny == o.ny && nx == o.nx;
    }

    public void requireSameShape(ComplexArray o) {
        if (!sameShape(o)) {
            throw new IllegalArgumentException("shape mismatch: " + shape() + " vs " + o.shape());
        }
    }

    /** Shape as text, e.g. {@code [16][256][256] complex64}. */
    public String shape() {
        return "[" + batch + "][" + ny + "][" + nx + "] " + precision.numpyName();
    }

    @Override
    public String toString() {
        return "ComplexArray" + shape();
    }
}
