package org.phasor.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.cli.Main;
import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import org.phasor.io.NpyDtype;
import org.phasor.io.Npz;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code phasor grad}: FFM on the ideal bench writes the adjoint's gradient; bad input is one line, exit 2. */
class GradCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ffmOnIdealBenchMatchesAdjoint() throws Exception {
        int n = 24;
        int layers = 3;
        SplittableRandom r = new SplittableRandom(1);
        double[] phase = new double[layers * n * n];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = 2 * Math.PI * r.nextInt(256) / 256; // on the 8-bit level grid: FFM programs exactly these
        }
        Map<String, NpyArray> model = new LinkedHashMap<>();
        model.put("phase", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{layers, n, n}, phase));
        model.put("pitch", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{2}, new double[]{8e-6, 8e-6}));
        model.put("wavelength", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{}, new double[]{532e-9}));
        model.put("distances", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{layers + 1}, new double[]{2e-3, 2e-3, 2e-3, 2e-3}));
        Npz.write(tmp.resolve("m.npz"), model);
        double[] x = new double[n * n];
        double[] t = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
            t[i] = 0.3 * r.nextDouble();
        }
        Npy.write(tmp.resolve("x.npy"), NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{n, n}, x));
        Npy.write(tmp.resolve("t.npy"), NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{n, n}, t));
        for (String method : new String[]{"adjoint", "ffm"}) {
            assertEquals(0, run("grad", "--model", tmp.resolve("m.npz").toString(), "--input", tmp.resolve("x.npy").toString(),
                    "--target", tmp.resolve("t.npy").toString(), "--loss", "intensity-mse", "--method", method,
                    "--bench", "ideal", "--out", tmp.resolve(method + ".npy").toString()));
        }
        double[] a = Npy.read(tmp.resolve("adjoint.npy")).data();
        double[] f = Npy.read(tmp.resolve("ffm.npy")).data();
        assertEquals(layers * n * n, a.length);
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - f[i]) * (a[i] - f[i]);
            den += a[i] * a[i];
        }
        assertTrue(den > 0);
        assertTrue(Math.sqrt(num / den) <= 1e-6, "relative deviation " + Math.sqrt(num / den));
    }

    @Test
    void missingModelIsOneLineUserError() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("grad", "--model", tmp.resolve("none.npz").toString(), "--input", "x.npy", "--target",
                "t.npy", "--method", "ffm", "--out", tmp.resolve("g.npy").toString());
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }
}
