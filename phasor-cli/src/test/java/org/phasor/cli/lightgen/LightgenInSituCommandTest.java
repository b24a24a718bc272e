package org.phasor.cli.lightgen;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code phasor reproduce lightgen-insitu}: a minimal run writes its files; a bad bench or reference tracking is a one-line error. */
class LightgenInSituCommandTest {

    @Test
    void minimalRunWritesTableAndFigures(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("insitu");
        int code = Main.run("reproduce", "lightgen-insitu", "--quick", "--epochs", "0", "--train-images", "64",
                "--ffm-steps", "2", "--fft", "java", "--out", out.toString(), "--classifier",
                LightgenCommandsTest.classifier().toString());
        assertEquals(0, code);
        for (String f : new String[]{"table.json", "table.md", "samples_ideal.png", "samples_deployed.png",
                "samples_ffm.png", "samples_ffm_scratch.png", "ffm_curve.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode t = RunFiles.JSON.readTree(out.resolve("table.json").toFile());
        assertEquals(5, t.get("rows").size());
        assertTrue(t.get("bench_run").get("ffm").get("frames").asLong() > 0);
    }

    @Test
    void unknownBenchProfileIsAOneLineError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("reproduce", "lightgen-insitu", "--quick", "--bench", "nosuch", "--out", dir.toString(),
                "--classifier", LightgenCommandsTest.classifier().toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("nosuch") && err.toString().lines().count() == 1, err.toString());
    }

    @Test
    void unknownReferenceTrackingIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "--track-reference must be step or measurement, got 'each'", "--track-reference", "each");
    }

    @Test
    void negativeRecalibrationIntervalIsAOneLineErrorNamingItsOption(@TempDir Path dir) {
        assertOneLineError(dir, "--recalibrate-every: re-calibration / re-registration intervals must be ≥ 0",
                "--recalibrate-every", "-1");
    }

    /** {@code --quick} plus {@code option}: exit 2, one line of stderr containing {@code message}, no table. */
    private static void assertOneLineError(Path dir, String message, String option, String value) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("reproduce", "lightgen-insitu", "--quick", option, value, "--out", dir.toString(),
                "--classifier", LightgenCommandsTest.classifier().toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains(message) && err.toString().lines().count() == 1, err.toString());
        assertTrue(!Files.exists(dir.resolve("table.json")), "nothing written");
    }
}
