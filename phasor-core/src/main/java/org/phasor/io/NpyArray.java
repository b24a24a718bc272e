package org.phasor.io;

import org.phasor.math.ComplexArray;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional NumPy array held in memory: its dtype, its shape (C order) and its values as doubles —
 * the values themselves for real dtypes, interleaved (re, im) for complex ones. Values of float32/complex64
 * files are exactly representable as doubles, so a read–write round trip is lossless.
 */
public record NpyArray(NpyDtype dtype, int[] shape, double[] data) {

    public NpyArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        long expected = dtype.isComplex() ? 2 * n : n;
        if (data.length != expected) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + expected + " values, got " + data.length);
        }
    }

    /** Number of elements (product of the shape). */
    public long elements() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** "(256, 256) complex128" */
    public String describe() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i > 0 ? ", " : "").append(shape[i]);
        }
        if (shape.length == 1) {
            b.append(',');
        }
        return b.append(") ").append(dtype.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }

    /**
     * A 2-D array (one field) or a 3-D array (a batch of fields) as a {@link ComplexArray} in the file's
     * precision (float32/complex64 → SINGLE, float64/complex128 → DOUBLE); real values get a zero imaginary part.
     */
    public ComplexArray toComplexArray() {
        if (shape.length != 2 && shape.length != 3) {
            throw new IllegalArgumentException("expected a 2-D field (ny, nx) or a 3-D batch (batch, ny, nx), got shape "
                    + describe());
        }
        int batch = shape.length == 3 ? shape[0] : 1;
        int ny = shape[shape.length - 2];
        int nx = shape[shape.length - 1];
        if (batch == 0 || ny == 0 || nx == 0) {
            throw new IllegalArgumentException("field array is empty: shape " + describe());
        }
        double[] reIm;
        if (dtype.isComplex()) {
            reIm = data;
        } else {
            reIm = new double[2 * data.length];
            for (int i = 0; i < data.length; i++) {
                reIm[2 * i] = data[i];
            }
        }
        return ComplexArray.fromInterleaved(dtype.precision(), batch, ny, nx, reIm);
    }

    /**
     * A complex array in its own precision; shape (ny, nx) when {@code squeeze} and the batch is 1, else
     * (batch, ny, nx).
     */
    public static NpyArray of(ComplexArray a, boolean squeeze) {
        int[] shape = squeeze && a.batch() == 1 ? new int[]{a.ny(), a.nx()} : new int[]{a.batch(), a.ny(), a.nx()};
        return new NpyArray(NpyDtype.complexOf(a.precision()), shape, a.toInterleaved());
    }

    /**
     * Per-layer real arrays stacked into one float64 array of shape (layers, ny, nx), layer-major, as NumPy reads a
     * stack of masks; each layer must hold ny·nx values.
     */
    public static NpyArray ofLayers(double[][] layers, int ny, int nx) {
        int px = ny * nx;
        double[] flat = new double[layers.length * px];
        for (int l = 0; l < layers.length; l++) {
            if (layers[l].length != px) {
                throw new IllegalArgumentException("layer " + l + " has " + layers[l].length + " values, expected "
                        + ny + "x" + nx);
            }
            System.arraycopy(layers[l], 0, flat, l * px, px);
        }
        return new NpyArray(NpyDtype.FLOAT64, new int[]{layers.length, ny, nx}, flat);
    }

    /** A real array. */
    public static NpyArray ofReal(NpyDtype dtype, int[] shape, double[] values) {
        if (dtype.isComplex()) {
            throw new IllegalArgumentException("ofReal needs a real dtype, got " + dtype);
        }
        return new NpyArray(dtype, shape, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray n && n.dtype == dtype && Arrays.equals(n.shape, shape)
                && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NpyArray" + describe();
    }
}
