package org.phasor.math.fft;

import org.phasor.math.ComplexArray;

/**
 * A planned 2-D complex FFT for one {@code ny × nx} shape and precision, applied in place to every item of a
 * batch. Conventions follow NumPy: {@code forward} computes X[k] = Σ x[n]·exp(−2πi·k·n/N) unnormalised,
 * {@code inverse} includes the 1/(nx·ny) factor, so {@code inverse(forward(x)) == x}.
 *
 * <p>Plans are immutable once made and safe to use from several threads at once on different arrays.
 */
public interface Fft2 {
    int ny();

    int nx();

    /** In-place forward transform of every batch item. */
    void forward(ComplexArray a);

    /** In-place inverse transform (normalised by 1/(nx·ny)) of every batch item. */
    void inverse(ComplexArray a);

    /** The backend that made this plan, e.g. "java" or "fftw". */
    String backend();

    default void requireShape(ComplexArray a) {
        if (a.ny() != ny() || a.nx() != nx()) {
            throw new IllegalArgumentException("FFT planned for " + ny() + "x" + nx() + " got " + a.shape());
        }
    }
}
