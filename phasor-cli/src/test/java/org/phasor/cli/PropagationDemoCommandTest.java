package org.phasor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo on a small grid writes what it says it wrote, and its closed-form checks agree. */
class PropagationDemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesPicturesAndFields() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("propagation-demo", "--out", tmp.toString(), "--size", "256", "--fft", "java");
        assertEquals(0, code, err.toString());
        for (String f : new String[]{"aperture.png", "aperture_z80mm.npy", "lens_focus.png", "lens_focus.npy",
                "gaussian.png", "gaussian_zR.npy"}) {
            assertTrue(Files.exists(tmp.resolve(f)), f);
            assertTrue(out.toString().contains(tmp.resolve(f).toString()), f);
        }
    }
}
