package org.phasor.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FftOptionTest {
    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @Mixin
        FftOption fft;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public Integer call() {
            System.out.println(fft.backend(new PrintStream(err, true, StandardCharsets.UTF_8)).name());
            return 0;
        }
    }

    private static CommandLine cl(Probe p, StringWriter err) {
        CommandLine c = new CommandLine(p);
        c.setExecutionExceptionHandler(new UserErrorHandler());
        c.setErr(new PrintWriter(err, true));
        return c;
    }

    @Test
    void autoPicksFftwAndJavaIsHonoured() {
        Probe auto = new Probe();
        assertEquals(0, cl(auto, new StringWriter()).execute());
        assertEquals("fftw", auto.fft.backend().name(), "the bundled FFTW loads on linux-x86_64");
        Probe java = new Probe();
        assertEquals(0, cl(java, new StringWriter()).execute("--fft", "java"));
        assertEquals("java", java.fft.backend().name());
        assertEquals("", java.err.toString(StandardCharsets.UTF_8), "no notice when nothing falls back");
    }

    @Test
    void unknownBackendIsOneLineUserError() {
        StringWriter err = new StringWriter();
        int code = cl(new Probe(), err).execute("--fft", "cuda");
        assertEquals(2, code);
        String text = err.toString().strip();
        assertTrue(text.startsWith("phasor: error: unknown FFT backend 'cuda'"), text);
        assertEquals(1, text.lines().count(), text);
    }
}
