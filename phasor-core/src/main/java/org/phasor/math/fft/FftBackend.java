package org.phasor.math.fft;

import org.phasor.math.Precision;

/**
 * A source of {@link Fft2} plans. The pure-Java backend is always present; native backends (FFTW) are
 * discovered with {@link java.util.ServiceLoader} from optional modules and chosen by {@link FftBackends}.
 */
public interface FftBackend {
    /** Short name used on the command line ({@code --fft NAME}). */
    String name();

    /**
     * Null when the backend can run here, otherwise a one-line reason (library missing, unsupported platform).
     * Must not throw.
     */
    String unavailableReason();

    /** A plan for {@code ny × nx} arrays of the given precision (plans may be cached by the backend). */
    Fft2 plan(int ny, int nx, Precision precision);

    /** Preference among available backends: higher wins under {@code auto}. */
    default int priority() {
        return 0;
    }
}
