package org.phasor.cli;

import org.phasor.math.fft.FftBackend;
import org.phasor.math.fft.FftBackends;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/**
 * The {@code --fft java|fftw|auto} option, shared by every command that transforms fields. Add it with
 * {@code @Mixin FftOption fft;} and call {@link #backend()}: {@code auto} (the default) takes FFTW when it
 * loads and otherwise prints one line to stderr saying why it fell back to the pure-Java FFT; a named backend
 * that cannot run is a one-line user error (exit 2 through {@link UserErrorHandler}).
 */
public final class FftOption {
    @Option(names = "--fft", paramLabel = "java|fftw|auto", defaultValue = "auto",
            description = "FFT backend: fftw (native, bundled), java (pure Java) or auto (fftw when it loads; default: ${DEFAULT-VALUE}).")
    String choice = "auto";

    private FftBackend resolved;

    /** The chosen backend, resolved once; fallback notices go to {@link System#err}. */
    public FftBackend backend() {
        return backend(System.err);
    }

    /** As {@link #backend()}, with the one-line fallback notice written to {@code err}. */
    public FftBackend backend(PrintStream err) {
        if (resolved == null) {
            resolved = FftBackends.select(choice, line -> err.println("phasor: " + line));
        }
        return resolved;
    }

    /** The option's text as given ({@code auto} when absent). */
    public String choice() {
        return choice;
    }
}
