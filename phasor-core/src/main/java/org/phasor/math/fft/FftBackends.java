package org.phasor.math.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Chooses an FFT backend: {@code auto} takes the highest-priority backend that can run here and says in one
 * line why it fell back when a preferred one cannot load; a named choice ({@code java}, {@code fftw}) is
 * honoured or fails with a one-line error.
 */
public final class FftBackends {
    private FftBackends() {
    }

    /** Every backend on the class path, the pure-Java one included. */
    public static List<FftBackend> all() {
        List<FftBackend> list = new ArrayList<>();
        list.add(JavaFftBackend.INSTANCE);
        for (FftBackend b : ServiceLoader.load(FftBackend.class)) {
            if (!b.name().equals(JavaFftBackend.INSTANCE.name())) {
                list.add(b);
            }
        }
        list.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        return list;
    }

    /**
     * @param choice {@code auto}, {@code java}, {@code fftw} …
     * @param notice receives one line when {@code auto} falls back from a preferred backend
     */
    public static FftBackend select(String choice, Consumer<String> notice) {
        String want = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        List<FftBackend> all = all();
        if (want.equals("auto")) {
            for (FftBackend b : all) {
                String why = b.unavailableReason();
                if (why == null) {
                    return b;
                }
                notice.accept("FFT backend '" + b.name() + "' unavailable (" + why + "); trying the next one");
            }
            return JavaFftBackend.INSTANCE;
        }
        for (FftBackend b : all) {
            if (b.name().equals(want)) {
                String why = b.unavailableReason();
                if (why != null) {
                    throw new IllegalArgumentException("FFT backend '" + want + "' cannot run here: " + why);
                }
                return b;
            }
        }
        throw new IllegalArgumentException("unknown FFT backend '" + choice + "' (available: "
                + String.join(", ", all.stream().map(FftBackend::name).toList()) + ", auto)");
    }

    /** The pure-Java backend (always available; the reference implementation). */
    public static FftBackend java() {
        return JavaFftBackend.INSTANCE;
    }
}
