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
        for (String f : new String[]{"table.json", "table.md", "samples_optical.png", "samples_optical_fitted.png", "samples_digital.png",
                "interpolation.png", "class_transfer.png", "denoising.png", "learning_curve.png", "learning_curve.csv",
                "samples_unconditional.png", "samples_unconditional_fitted.png", "samples_unconditional_mixture.png", "latent_arithmetic.png",
                "learning_curve_unconditional.csv", "optical-cvae/config.json", "optical-cvae/state.npz",
                "optical-vae-unconditional/config.json", "optical-vae-unconditional/state.npz"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode t = RunFiles.JSON.readTree(out.resolve("table.json").toFile());
        assertEquals(8, t.get("rows").size());
        JsonNode unconditional = t.get("rows").get(5);
        assertTrue(unconditional.get("name").asText().contains("unconditional"));
        assertTrue(unconditional.get("classAccuracy").isNull() || Double.isNaN(unconditional.get("classAccuracy").asDouble()),
                "no class accuracy for unconditional samples: " + unconditional);
        assertTrue(unconditional.get("diversity").asDouble() > 0 && unconditional.get("psnr").asDouble() > 0, unconditional.toString());
        JsonNode arith = t.get("latent_arithmetic");
        assertEquals(40 * 9, arith.get("pairs").asInt());
        double toTarget = arith.get("recognised_as_target").asDouble();
        assertTrue(toTarget >= 0 && toTarget <= 1, arith.toString());
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
        StringWriter err3 = new StringWriter();
        CommandLine cl3 = Main.commandLine();
        cl3.setErr(new PrintWriter(err3));
        assertEquals(2, cl3.execute("reproduce", "lightgen", "--quick", "--unconditional-epochs", "0", "--out", dir.toString()));
        assertTrue(err3.toString().contains("unconditional epochs") && err3.toString().lines().count() == 1, err3.toString());
        for (String[] args : new String[][]{{"reproduce", "lightgen", "--quick", "--dataset", "cifar", "--out", dir.toString()},
                {"lightgen", "train-classifier", "--dataset", "cifar", "--out", dir.resolve("c.npy").toString()}}) {
            StringWriter e = new StringWriter();
            CommandLine c = Main.commandLine();
            c.setErr(new PrintWriter(e));
            assertEquals(2, c.execute(args));
            assertTrue(e.toString().contains("--dataset must be fashion or mnist, got 'cifar'") && e.toString().lines().count() == 1,
                    e.toString());
        }
    }

    @Test
    void shippedMnistClassifierRecognisesTheShippedDigits() throws Exception {
        Path p = Path.of("..", "data", "models", "mnist-classifier.npy");
        org.phasor.task.generative.digital.FeatureClassifier c = org.phasor.task.generative.digital.FeatureClassifier.load(p);
        org.phasor.data.DataSplit s = org.phasor.data.Datasets.shippedMnistSubset();
        double acc = c.accuracy(LightgenData.toDouble(s.test().features()), s.test().labels());
        assertEquals(0.931, acc, 1e-9, "the accuracy data/models/README.md states");
    }

    @Test
    void energyModelPrintsItsFiguresAndNamesAMissingKey(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = cl.execute("energy", Path.of("..", "configs", "lightgen-energy.yaml").toString(), "--no-simulation");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        // 2 diffraction steps of a dense 1024²-neuron layer: 2·8·(1024²)² operations; camera-limited at 42 Hz
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.3g (dense", 2 * 8 * Math.pow(1024.0 * 1024, 2))), text);
        assertTrue(text.contains("42.0 images/s, limited by the camera"), text);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "network: {grid: 64}\n");
        StringWriter err = new StringWriter();
        CommandLine cl2 = Main.commandLine();
        cl2.setErr(new PrintWriter(err));
        assertEquals(2, cl2.execute("energy", bad.toString(), "--no-simulation"));
        assertTrue(err.toString().contains("encoder_layers"), err.toString());
    }

    @Test
    void scaleCommandRunsASmallGeometry(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.run("lightgen", "scale", "--grid", "64", "--image", "28", "--channels", "4", "--steps", "1",
                "--fft", "java", "--out", dir.toString()));
        JsonNode r = RunFiles.JSON.readTree(dir.resolve("scale.json").toFile());
        assertEquals(2L * 64 * 64, r.get("phase_pixels").asLong());
        assertTrue(r.get("seconds_per_training_step").asDouble() > 0);
        assertTrue(Files.size(dir.resolve("scale_sample.png")) > 0);
    }
}
