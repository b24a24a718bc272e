package org.phasor.math.fft;

import org.phasor.math.ComplexArray;

/**
 * A planned 2-D complex FFT for one {@code ny × nx} shape and precision, applied in place to every item of a
 * batch. Conventions follow NumPy: {@code forward} computes X[k] = Σ x[n]·exp(−2πi·k·n/N) unnormalised,
 * {@code inverse} includes the 1/(nx·ny) factor, so {@code inverse(forward(x)) == x}.
 *
 * <p>Plans are immutable once made and safe to use from several threads at once on different arrays.
 *
 * <p>Two ways to call: {@link #forward}/{@link #inverse} use every core themselves; the {@code Serial}
 * variants run on the calling thread only and leave the inverse unscaled, for fused kernels that parallelise
 * over batch items themselves (see {@link SpectralFilter}) and fold 1/(nx·ny) into an element-wise multiply.
 */
public interface Fft2 {
    int ny();

    int nx();

    /** In-place forward transform of every batch item. */
    void forward(ComplexArray a);

    /** In-place inverse transform (normalised by 1/(nx·ny)) of every batch item. */
    void inverse(ComplexArray a);

    /** Forward transform of every item of {@code a}, on the calling thread only. */
    void forwardSerial(ComplexArray a);

    /** Inverse transform WITHOUT the 1/(nx·ny) factor, on the calling thread only. */
    void inverseSerialUnscaled(ComplexArray a);

    /** The backend that made this plan, e.g. "java" or "fftw". */
    String backend();

    default void requireShape(ComplexArray a) {
        if (a.ny() != ny() || a.nx() != nx()) {
            throw new IllegalArgumentException("FFT planned for " + ny() + "x" + nx() + " got " + a.shape());
        }
    }
}
