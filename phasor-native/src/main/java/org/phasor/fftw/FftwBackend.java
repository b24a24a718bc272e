package org.phasor.fftw;

import org.phasor.math.Precision;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackend;

/**
 * FFTW 3.3.10 through {@code java.lang.foreign}, found by {@link java.util.ServiceLoader}; preferred over the
 * pure-Java FFT whenever its library loads (see {@link Fftw} for where the library comes from and how to point
 * at another one).
 */
public final class FftwBackend implements FftBackend {
    @Override
    public String name() {
        return "fftw";
    }

    @Override
    public String unavailableReason() {
        return Fftw.SHARED.unavailableReason(Precision.SINGLE);
    }

    @Override
    public Fft2 plan(int ny, int nx, Precision precision) {
        return new FftwFft2(Fftw.SHARED, ny, nx, precision);
    }

    @Override
    public int priority() {
        return 10;
    }
}
