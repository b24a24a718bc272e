package org.phasor.fftw;

import org.phasor.math.fft.FftBackends;

/** Run in a child JVM by {@link FftwFallbackTest}: prints the backend {@code auto} picks; notices go to stderr. */
public final class FallbackProbe {
    private FallbackProbe() {
    }

    public static void main(String[] args) {
        System.out.println(FftBackends.select("auto", System.err::println).name());
    }
}
