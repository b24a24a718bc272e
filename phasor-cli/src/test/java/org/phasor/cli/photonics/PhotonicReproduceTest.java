package org.phasor.cli.photonics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

class PhotonicReproduceTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Must-show (quick mode): the paper's shape — deployed clearly below ideal on a lab chip, FFM within 2 points. */
    @Test
    void photonicIrisQuickTableHasThePapersShape(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "reproduce", "photonic-iris", "--quick", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        for (String f : new String[] {"table.json", "table.md", "curves.csv", "accuracy.png", "loss.png", "light-flow.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        JsonNode t = new ObjectMapper().readTree(dir.resolve("table.json").toFile());
        JsonNode rows = t.get("runs");
        assertEquals(3, rows.size());
        assertEquals(30, t.get("config").get("testSamples").asInt(), "Iris split 40/10 per class");
        JsonNode lab = rows.get(1);
        assertEquals("lab", lab.get("level").asText());
        double ideal = lab.get("idealAccuracy").asDouble();
        assertTrue(ideal >= 0.85, "ideal simulation learns Iris: " + ideal);
        assertTrue(lab.get("deployedAccuracy").asDouble() <= ideal - 0.15, "in-silico deployment suffers on a lab chip: " + lab);
        assertTrue(lab.get("ffmAccuracy").asDouble() >= ideal - 0.02, "FFM within 2 points of ideal: " + lab);
        double dev = lab.get("ffmGradientDeviation").asDouble();
        assertTrue(dev > 0 && dev < 0.2, "measured gradients deviate by a few % only: " + dev);
    }

    /** Calibration, the methods that use it and PSO, on two seeds (slow: the calibration fits three cores per chip). */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void photonicIrisWithCalibrationPsoAndSeeds(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "reproduce", "photonic-iris", "--quick", "--calibration", "--pso", "4", "--seeds", "2", "--pat",
                "--out", dir.toString());
        assertEquals(0, code, err.toString());
        JsonNode t = new ObjectMapper().readTree(dir.resolve("table.json").toFile());
        JsonNode runs = t.get("runs");
        assertEquals(6, runs.size());
        for (JsonNode r : runs) {
            assertTrue(r.get("calibrationHeldOutResidual").asDouble() < 0.5 * r.get("nominalModelHeldOutResidual").asDouble(), r.toString());
            assertTrue(r.get("psoBenchCost").get("frames").asLong() > 0, r.toString());
            assertTrue(r.has("calibratedPatAccuracy") && r.has("calibratedInSilicoDeployedAccuracy") && r.has("patNominalAccuracy"));
        }
        String md = Files.readString(dir.resolve("table.md"));
        assertTrue(md.contains("±") && md.contains("PAT (calibrated model)") && md.contains("PSO"), md);
    }

    @Test
    void exceptionalPointReportAndFigure(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "reproduce", "exceptional-point", "--starts", "5", "--iterations", "120", "--pso-iterations", "40",
                "--out", dir.toString());
        assertEquals(0, code, err.toString());
        JsonNode t = new ObjectMapper().readTree(dir.resolve("ep.json").toFile());
        int ffm = 0;
        for (JsonNode r : t.get("runs")) {
            if (r.get("method").asText().equals("ffm")) {
                ffm++;
                assertTrue(r.get("relativeDistance").asDouble() <= 0.01, r.toString());
            }
        }
        assertEquals(5, ffm);
        assertTrue(Files.size(dir.resolve("eigenvalues.png")) > 1000);
    }

    @Test
    void badOptionIsOneLineExitTwo(@TempDir Path dir) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "reproduce", "exceptional-point", "--starts", "0", "--out", dir.toString());
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
