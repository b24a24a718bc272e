package org.phasor.math;

import java.lang.foreign.ValueLayout;

/**
 * Storage precision of complex data. Phasor has one precision policy: arrays are <em>stored</em> in single
 * (complex64, what the Python peers use, the default for training) or double precision (complex128, for
 * reference results and gradient checks), while every Java kernel computes in {@code double} on blocks it
 * loads from and stores back to the array ({@link ComplexArray#load}/{@link ComplexArray#store}). So there is
 * exactly one code path per algorithm; only native FFT calls dispatch to the float or double library entry.
 */
public enum Precision {
    SINGLE(ValueLayout.JAVA_FLOAT, "complex64"),
    DOUBLE(ValueLayout.JAVA_DOUBLE, "complex128");

    private final ValueLayout layout;
    private final String numpyName;

    Precision(ValueLayout layout, String numpyName) {
        this.layout = layout;
        this.numpyName = numpyName;
    }

    /** Bytes of one real component. */
    public int realBytes() {
        return (int) layout.byteSize();
    }

    /** Bytes of one complex value (real and imaginary part, interleaved). */
    public int complexBytes() {
        return 2 * realBytes();
    }

    /** The NumPy dtype name of a complex value in this precision. */
    public String numpyName() {
        return numpyName;
    }

    /** Parses {@code single|float|f32|complex64} or {@code double|f64|complex128}; one-line error otherwise. */
    public static Precision parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "single", "float", "float32", "f32", "complex64" -> SINGLE;
            case "double", "float64", "f64", "complex128" -> DOUBLE;
            default -> throw new IllegalArgumentException(
                    "unknown precision '" + text + "' (expected single or double)");
        };
    }
}
