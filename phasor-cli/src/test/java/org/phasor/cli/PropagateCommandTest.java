package org.phasor.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import org.phasor.io.NpyDtype;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code phasor propagate} in-process: the golden case end to end, precision kept, one-line errors. */
class PropagateCommandTest {
    @TempDir
    Path tmp;
    Path golden;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void copyGolden() throws IOException {
        golden = tmp.resolve("circ256_in.npy");
        try (InputStream in = getClass().getResourceAsStream("/golden/circ256_in.npy")) {
            Files.write(golden, in.readAllBytes());
        }
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static double relL2(double[] a, double[] b) {
        double n = 0;
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            n += (a[i] - b[i]) * (a[i] - b[i]);
            d += b[i] * b[i];
        }
        return Math.sqrt(n / d);
    }

    @Test
    void goldenCaseThroughTheCommandLine() throws IOException {
        Path o = tmp.resolve("out.npy");
        Path png = tmp.resolve("out.png");
        int code = run("propagate", "--in", golden.toString(), "--pitch", "10um", "--wavelength", "633e-9",
                "--distance", "0.02", "--method", "asm", "--fft", "java", "--out", o.toString(), "--png", png.toString());
        assertEquals(0, code, err.toString());
        assertEquals("", err.toString(), "no warning for the golden case");
        NpyArray res = Npy.read(o);
        assertEquals(NpyDtype.COMPLEX128, res.dtype());
        assertArrayEquals(new int[]{256, 256}, res.shape());
        NpyArray expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/circ256_z2cm_out.npy")) {
            expected = Npy.read(in, "golden");
        }
        assertTrue(relL2(res.data(), expected.data()) <= 1e-10);
        assertTrue(Files.size(png) > 1000);
        assertTrue(out.toString().contains("wrote " + o), out.toString());
    }

    @Test
    void singlePrecisionInSinglePrecisionOut() throws IOException {
        NpyArray in = Npy.read(golden);
        Path f32 = tmp.resolve("real32.npy");
        double[] re = new double[256 * 256];
        for (int i = 0; i < re.length; i++) {
            re[i] = in.data()[2 * i];
        }
        Npy.write(f32, new NpyArray(NpyDtype.FLOAT32, new int[]{256, 256}, re));
        Path o = tmp.resolve("o.npy");
        assertEquals(0, run("propagate", "--in", f32.toString(), "--pitch", "1e-5", "--wavelength", "633nm",
                "--distance", "2cm", "--fft", "java", "--out", o.toString()), err.toString());
        NpyArray res = Npy.read(o);
        assertEquals(NpyDtype.COMPLEX64, res.dtype());
        NpyArray expected;
        try (InputStream s = getClass().getResourceAsStream("/golden/circ256_z2cm_out.npy")) {
            expected = Npy.read(s, "golden");
        }
        assertTrue(relL2(res.data(), expected.data()) <= 1e-5);
        assertTrue(out.toString().contains("auto chose asm"), out.toString());
    }

    /** A 3-D file is a batch: each item is propagated as if it were alone, and the shape is kept. */
    @Test
    void batchFileKeepsItsShape() throws IOException {
        NpyArray in = Npy.read(golden);
        double[] two = new double[2 * in.data().length];
        System.arraycopy(in.data(), 0, two, 0, in.data().length);
        for (int i = 0; i < in.data().length; i++) {
            two[in.data().length + i] = 0.5 * in.data()[i];
        }
        Path batch = tmp.resolve("batch.npy");
        Npy.write(batch, new NpyArray(NpyDtype.COMPLEX128, new int[]{2, 256, 256}, two));
        Path o = tmp.resolve("o.npy");
        assertEquals(0, run("propagate", "--in", batch.toString(), "--pitch", "1e-5", "--wavelength", "633e-9",
                "--distance", "0.02", "--fft", "java", "--out", o.toString()), err.toString());
        NpyArray res = Npy.read(o);
        assertArrayEquals(new int[]{2, 256, 256}, res.shape());
        int half = res.data().length / 2;
        double[] first = java.util.Arrays.copyOf(res.data(), half);
        double[] second = java.util.Arrays.copyOfRange(res.data(), half, 2 * half);
        for (int i = 0; i < half; i++) {
            second[i] *= 2;
        }
        assertTrue(relL2(second, first) < 1e-14);
    }

    @Test
    void aliasingCaseWarnsOnceOnStderr() {
        Path o = tmp.resolve("o.npy");
        assertEquals(0, run("propagate", "--in", golden.toString(), "--pitch", "1e-5", "--wavelength", "633e-9",
                "--distance", "1.0", "--method", "asm", "--fft", "java", "--out", o.toString()));
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("phasor: warning: plain angular spectrum (asm) at z = 1.000 m"), e);
    }

    @Test
    void fraunhoferChangesThePitch() throws IOException {
        Path o = tmp.resolve("o.npy");
        assertEquals(0, run("propagate", "--in", golden.toString(), "--pitch", "1e-5", "--wavelength", "633e-9",
                "--distance", "2", "--method", "fraunhofer", "--fft", "java", "--out", o.toString()), err.toString());
        assertTrue(out.toString().contains("far-field grid: pitch 0.000494531 m"), out.toString());
        assertEquals(NpyDtype.COMPLEX128, Npy.read(o).dtype());
    }

    @Test
    void badInputIsOneLineExitTwoNoStackTrace() throws IOException {
        byte[] good = Files.readAllBytes(golden);
        Path truncated = tmp.resolve("truncated.npy");
        Files.write(truncated, java.util.Arrays.copyOf(good, 5000));
        Path fortran = tmp.resolve("fortran.npy");
        try (InputStream in = getClass().getResourceAsStream("/npy/fortran_3x4.npy")) {
            Files.write(fortran, in.readAllBytes());
        }
        Path o = tmp.resolve("o.npy");
        String[][] cases = {
                {truncated.toString(), "0.02", "truncated"},
                {fortran.toString(), "0.02", "Fortran"},
                {golden.toString(), "-0.02", "--distance must be"},
                {tmp.resolve("missing.npy").toString(), "0.02", "file not found"},
        };
        for (String[] c : cases) {
            int code = run("propagate", "--in", c[0], "--pitch", "1e-5", "--wavelength", "633e-9",
                    "--distance", c[1], "--fft", "java", "--out", o.toString());
            String e = err.toString();
            assertEquals(2, code, e);
            assertEquals(1, e.lines().count(), "one line: " + e);
            assertTrue(e.startsWith("phasor: error: ") && e.contains(c[2]), e);
            assertFalse(e.contains("Exception") || e.contains("\tat "), e);
        }
        assertFalse(Files.exists(o));
        // nonsense options are usage errors (exit 2) too
        assertEquals(2, run("propagate", "--in", golden.toString(), "--pitch", "ten", "--wavelength", "633e-9",
                "--distance", "1", "--out", o.toString()));
        assertEquals(2, run("propagate", "--in", golden.toString(), "--pitch", "1e-5", "--wavelength", "633e-9",
                "--distance", "1", "--method", "rayleigh", "--out", o.toString()));
    }

    @Test
    void helpExplainsEveryOptionWithUnits() {
        assertEquals(0, run("propagate", "--help"));
        String h = out.toString();
        for (String opt : new String[]{"--in", "--pitch", "--wavelength", "--distance", "--method", "--pad", "--fft",
                "--out", "--png"}) {
            assertTrue(h.contains(opt), opt);
        }
        assertTrue(h.contains("metres"));
    }
}
