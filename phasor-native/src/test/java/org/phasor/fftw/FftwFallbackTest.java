package org.phasor.fftw;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When FFTW cannot load, {@code auto} falls back to the pure-Java FFT with exactly one line saying why. The
 * library is process-wide state, so this runs in a child JVM pointed at a library that does not exist.
 */
class FftwFallbackTest {

    @Test
    void autoFallsBackToJavaWithOneLine(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException, InterruptedException {
        Path missing = tmp.resolve("no-such-libfftw3f.so.3");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dphasor.fftw.library=" + missing, "-Dphasor.cache.dir=" + tmp,
                "-cp", System.getProperty("java.class.path"), FallbackProbe.class.getName()))
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor());
        List<String> err = Files.readAllLines(tmp.resolve("err.txt")).stream().filter(s -> !s.isBlank()).toList();
        assertEquals("java", out);
        assertEquals(1, err.size(), "one notice line, got " + err);
        assertTrue(err.get(0).contains("FFT backend 'fftw' unavailable") && err.get(0).contains(missing.toString()), err.get(0));
    }
}
