package org.phasor.io;

import org.phasor.math.Precision;

/** The NumPy dtypes Phasor reads and writes (little-endian on write). */
public enum NpyDtype {
    FLOAT32('f', 4, false, Precision.SINGLE),
    FLOAT64('f', 8, false, Precision.DOUBLE),
    COMPLEX64('c', 8, true, Precision.SINGLE),
    COMPLEX128('c', 16, true, Precision.DOUBLE);

    private final char kind;
    private final int itemBytes;
    private final boolean complex;
    private final Precision precision;

    NpyDtype(char kind, int itemBytes, boolean complex, Precision precision) {
        this.kind = kind;
        this.itemBytes = itemBytes;
        this.complex = complex;
        this.precision = precision;
    }

    /** Bytes per element (a complex element counts once). */
    public int itemBytes() {
        return itemBytes;
    }

    public boolean isComplex() {
        return complex;
    }

    /** Storage precision of the real components. */
    public Precision precision() {
        return precision;
    }

    /** Bytes of one real component. */
    public int componentBytes() {
        return complex ? itemBytes / 2 : itemBytes;
    }

    /** The little-endian descr string, e.g. {@code <c16}. */
    public String descr() {
        return "<" + kind + itemBytes;
    }

    /** The complex dtype of a precision. */
    public static NpyDtype complexOf(Precision p) {
        return p == Precision.SINGLE ? COMPLEX64 : COMPLEX128;
    }

    /** The real dtype of a precision. */
    public static NpyDtype realOf(Precision p) {
        return p == Precision.SINGLE ? FLOAT32 : FLOAT64;
    }

    /** Matches a descr's kind and size (byte order handled by the caller); null when unsupported. */
    static NpyDtype of(char kind, int bytes) {
        for (NpyDtype d : values()) {
            if (d.kind == kind && d.itemBytes == bytes) {
                return d;
            }
        }
        return null;
    }
}
