package org.phasor.math.fft;

import org.phasor.math.Precision;

import java.util.concurrent.ConcurrentHashMap;

/** The pure-Java FFT backend: always available, the reference the native backends are tested against. */
final class JavaFftBackend implements FftBackend {
    static final JavaFftBackend INSTANCE = new JavaFftBackend();

    private final ConcurrentHashMap<Integer, Fft1> lines = new ConcurrentHashMap<>();

    private JavaFftBackend() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public Fft2 plan(int ny, int nx, Precision precision) {
        return new JavaFft2(line(ny), line(nx));
    }

    private Fft1 line(int n) {
        return lines.computeIfAbsent(n, Fft1::new);
    }
}
