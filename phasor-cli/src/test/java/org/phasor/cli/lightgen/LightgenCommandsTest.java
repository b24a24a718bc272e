package org.phasor.cli.lightgen;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.cli.Main;
import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code phasor reproduce lightgen --quick} end to end, then {@code phasor generate} from its run directory. */
class LightgenCommandsTest {

    static Path classifier() {
        // tests run in the module directory; the weights are shipped at the repository root
        Path p = Path.of("..", "data", "models", "fashion-mnist-classifier.npy");
        assertTrue(Files.isRegularFile(p), "shipped classifier weights at " + p.toAbsolutePath());
        return p;
    }

    @Test
    void quickReproductionWritesTableFiguresAndAGeneratorRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lightgen");
        int code = Main.run("reproduce", "lightgen", "--quick", "--fft", "java", "--out", out.toString(),
                "--classifier", classifier().toString());
        assertEquals(0, code);
        for (String f : new String[]{"table.json", "table.md", "samples_optical.png", "samples_digital.png",
                "interpolation.png", "class_transfer.png", "denoising.png", "learning_curve.png", "learning_curve.csv",
                "optical-cvae/config.json", "optical-cvae/state.npz"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode t = RunFiles.JSON.readTree(out.resolve("table.json").toFile());
        assertEquals(5, t.get("rows").size());
        double floorFd = t.get("rows").get(0).get("frechet").asDouble();
        double untrainedFd = t.get("rows").get(2).get("frechet").asDouble();
        assertTrue(floorFd < untrainedFd, "real images are closer to the test set than the untrained decoder's: "
                + floorFd + " vs " + untrainedFd);

        Path npy = dir.resolve("gen.npy");
        assertEquals(0, Main.run("generate", out.resolve("optical-cvae").toString(), "--class", "3", "--n", "5",
                "--seed", "7", "--fft", "java", "--out", npy.toString()));
        NpyArray a = Npy.read(npy);
        assertArrayEquals(new int[]{5, 28, 28}, a.shape());
        Path again = dir.resolve("again.npy");
        Main.run("generate", out.resolve("optical-cvae").toString(), "--class", "3", "--n", "5", "--seed", "7",
                "--fft", "java", "--out", again.toString());
        assertArrayEquals(a.data(), Npy.read(again).data(), 0.0, "same seed, same images");
        Path png = dir.resolve("gen.png");
        assertEquals(0, Main.run("generate", out.resolve("optical-cvae").toString(), "--n", "12", "--fft", "java",
                "--out", png.toString()));
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void badArgumentsAreOneLineErrors(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("generate", dir.toString(), "--out", dir.resolve("x.gif").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("x.gif") && err.toString().lines().count() == 1, err.toString());
        StringWriter err2 = new StringWriter();
        CommandLine cl2 = Main.commandLine();
        cl2.setErr(new PrintWriter(err2));
        assertEquals(2, cl2.execute("generate", dir.toString(), "--out", dir.resolve("x.png").toString()));
        assertTrue(err2.toString().contains("config.json"), err2.toString());
    }
}
