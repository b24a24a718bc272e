package org.phasor.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.cli.Main;
import org.phasor.io.NpyArray;
import org.phasor.io.Npz;
import org.phasor.sim.experiment.FfmLayers;
import org.phasor.sim.experiment.FfmLayersConfig;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code phasor reproduce ffm-layers}: option values out of range are one line, exit 2, nothing written; the report
 * keeps every depth's designs.
 */
class FfmLayersCommandTest {

    @Test
    void holographyStepsOtherThanThreeOrFourIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "--holography-steps: holography steps must be 3 or 4, got 5", "--holography-steps", "5");
    }

    @Test
    void negativeRegistrationIntervalIsAOneLineErrorNamingItsOption(@TempDir Path dir) {
        assertOneLineError(dir, "--register-every: re-calibration / re-registration intervals must be ≥ 0 steps",
                "--register-every", "-1");
    }

    @Test
    void unknownReferenceTrackingIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "--track-reference must be step or measurement, got 'each'", "--track-reference", "each");
    }

    @Test
    void followingTheCreepWithoutReRegistrationIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "--follow-creep: FFM never re-registers in this run", "--follow-creep");
    }

    @Test
    void unknownCreepFollowingIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "--follow-creep must be whole or subpixel, got 'sideways'", "--follow-creep", "sideways");
    }

    @Test
    void followCreepAloneMeansWholePixels() {
        FfmLayersCommand c = new FfmLayersCommand();
        new CommandLine(c).parseArgs("--follow-creep", "--out", "x");
        assertEquals("whole", c.followCreep);
        new CommandLine(c).parseArgs("--follow-creep=subpixel", "--out", "x");
        assertEquals("subpixel", c.followCreep);
    }

    @Test
    void benchFinalLearningRateOutsideTheScheduleIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "--bench-final-lr: final learning rate on the bench must be in (0, 0.05], got 0.0",
                "--bench-final-lr", "0");
        assertOneLineError(dir, "--bench-final-lr: final learning rate on the bench must be in (0, 0.05], got 0.1",
                "--bench-final-lr", "0.1");
    }

    /** The floor is the bench methods' alone: the in-silico design keeps the preset's schedule, and the report says both. */
    @Test
    void benchFinalLearningRateLeavesTheInSilicoScheduleAlone() {
        FfmLayersConfig full = FfmLayersConfig.full();
        assertEquals(full.finalLearningRate(), full.benchFinalLearningRate(), "preset: one schedule for every method");
        FfmLayersConfig floored = full.withBenchFinalLearningRate(0.01);
        assertEquals(0.0005, floored.finalLearningRate());
        assertEquals(0.01, floored.benchFinalLearningRate());
        assertTrue(FfmLayersReport.markdown(List.of(), floored, "lab").contains("0.0500 → 0.000500 (cosine), on the bench → 0.0100"));
        assertFalse(FfmLayersReport.markdown(List.of(), full, "lab").contains("on the bench →"));
    }

    /** {@code --quick} plus {@code option}: exit 2, one line of stderr containing {@code message}, no table. */
    private static void assertOneLineError(Path dir, String message, String... option) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("reproduce", "ffm-layers", "--quick"));
        args.addAll(List.of(option));
        args.addAll(List.of("--out", out.toString()));
        int code = cl.execute(args.toArray(String[]::new));
        assertEquals(2, code);
        assertTrue(err.toString().contains(message) && err.toString().lines().count() == 1, err.toString());
        assertFalse(Files.exists(out.resolve("table.json")));
    }

    @Test
    void reportWritesEachDepthsDesignsAsNpz(@TempDir Path dir) throws Exception {
        FfmLayersConfig cfg = FfmLayersConfig.quick().withMethods(List.of());
        int n = cfg.n();
        double[][] initial = new double[2][n * n];
        double[][] designed = new double[2][n * n];
        for (int i = 0; i < n * n; i++) {
            initial[0][i] = 0.1 * i;
            initial[1][i] = -0.2 * i;
            designed[0][i] = 7.0 - i; // unwrapped phases are written as held, not wrapped into (−π, π]
            designed[1][i] = i * i;
        }
        Map<String, double[][]> phases = new LinkedHashMap<>();
        phases.put("in-silico", designed);
        FfmLayers.Row row = new FfmLayers.Row(2, 0.8, 0.5, 0.6, Map.of(), Map.of("in-silico", new FfmLayers.StepCost(0, 0, 0)),
                100, 1.0, initial, phases, Map.of("in-silico", new double[]{0.4, 0.5}), Map.of("in-silico", new double[]{2.1, 1.7}));
        FfmLayersReport.write(dir, List.of(row), cfg, "lab", 1.0);

        Map<String, NpyArray> npz = Npz.read(dir.resolve("designs").resolve("L2.npz"));
        assertEquals(List.of("initial", "in-silico"), List.copyOf(npz.keySet()));
        assertArrayEquals(new int[]{2, n, n}, npz.get("in-silico").shape());
        assertEquals(designed[1][5], npz.get("in-silico").data()[n * n + 5]);
        assertEquals(initial[0][3], npz.get("initial").data()[3]);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("table.json").toFile());
        assertEquals(0.5, json.get("rows").get(0).get("train_accuracy_by_epoch").get("in-silico").get(1).asDouble());
        assertEquals(1.7, json.get("rows").get(0).get("train_loss_by_epoch").get("in-silico").get(1).asDouble());
        assertEquals(0.6, json.get("rows").get(0).get("in_silico_deployed_registered").asDouble());
    }

    @Test
    void methodsNoneLeavesOnlyTheInSilicoColumns() {
        assertEquals(List.of(), FfmLayersCommand.configure(false, null, List.of("none"), null, null, null).methods());
        assertEquals(List.of("ffm"), FfmLayersCommand.configure(false, null, List.of("ffm"), null, null, null).methods());
    }

    /** Both presets keep the phases in range; {@code --no-keep-in-range} is how a user lets them wrap again. */
    @Test
    void keepInRangeIsThePresetsDefaultAndCanBeSwitchedOff() {
        assertTrue(FfmLayersConfig.full().ffm().keepInRange());
        assertTrue(FfmLayersConfig.quick().ffm().keepInRange());
        FfmLayersCommand off = new FfmLayersCommand();
        new CommandLine(off).parseArgs("--no-keep-in-range", "--out", "x");
        assertEquals(Boolean.FALSE, off.keepInRange);
        FfmLayersCommand unset = new FfmLayersCommand();
        new CommandLine(unset).parseArgs("--out", "x");
        assertEquals(null, unset.keepInRange, "unset: the preset decides");
    }
}
