package org.phasor.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.phasor.cli.figures.Charts;
import org.phasor.io.AtomicWrite;
import org.phasor.io.NpyArray;
import org.phasor.io.Npz;
import org.phasor.sim.experiment.FfmLayers;
import org.phasor.sim.experiment.FfmLayersConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the FFM-vs-depth table as table.json, table.md and accuracy.png, and each depth's phase masks as
 * designs/L{layers}.npz (so a design can be inspected, or compared across runs, without re-training).
 */
final class FfmLayersReport {
    private FfmLayersReport() {
    }

    static String markdown(List<FfmLayers.Row> rows, FfmLayersConfig cfg, String profile) {
        List<String> methods = cfg.methods();
        StringBuilder sb = new StringBuilder();
        sb.append("| layers | ideal simulation | in-silico deployed | in-silico deployed, registered |");
        for (String m : methods) {
            sb.append(' ').append(m.toUpperCase(Locale.ROOT)).append(" (on bench) |");
        }
        for (String m : methods) {
            sb.append(' ').append(m.toUpperCase(Locale.ROOT)).append(" passes / frames per step |");
        }
        sb.append('\n').append("|---|---|---|---|").append("---|".repeat(2 * methods.size())).append('\n');
        for (FfmLayers.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %d | %.1f %% | %.1f %% | %.1f %% |", r.layers(), 100 * r.ideal(),
                    100 * r.inSilicoDeployed(), 100 * r.inSilicoRegistered()));
            for (String m : methods) {
                sb.append(String.format(Locale.ROOT, " %.1f %% |", 100 * r.bench().get(m)));
            }
            for (String m : methods) {
                FfmLayers.StepCost c = r.costPerStep().get(m);
                sb.append(String.format(Locale.ROOT, " %.0f / %.0f |", c.passes(), c.frames()));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%nBench profile `%s`; %dx%d planes of %.0f µm, spacing %.1f mm; %s training "
                        + "images, %s test images, %d epoch(s), batch %d, Adam lr %s, training seed %d; FFM: %s. "
                        + "Test accuracy on the bench except \"ideal simulation\" (the nominal model); \"registered\": each in-silico "
                        + "mask moved by the whole pixels the measured registration puts its panel off the axis.%n",
                profile, cfg.n(), cfg.n(), cfg.pitch() * 1e6, cfg.spacing() * 1e3,
                cfg.trainSamples() == 0 ? "all 6000" : String.valueOf(cfg.trainSamples()),
                cfg.testSamples() == 0 ? "all 1000" : String.valueOf(cfg.testSamples()), cfg.epochs(), cfg.batch(),
                learningRates(cfg),
                cfg.seed(), cfg.ffm().summary()));
        return sb.toString();
    }

    /** "0.05 → 0.0005 (cosine)", and the bench methods' own end where it differs. */
    private static String learningRates(FfmLayersConfig cfg) {
        String lr = cfg.finalLearningRate() == cfg.learningRate()
                ? String.format(Locale.ROOT, "%.3g", cfg.learningRate())
                : String.format(Locale.ROOT, "%.3g → %.3g (cosine)", cfg.learningRate(), cfg.finalLearningRate());
        return cfg.benchFinalLearningRate() == cfg.finalLearningRate() ? lr
                : lr + String.format(Locale.ROOT, ", on the bench → %.3g", cfg.benchFinalLearningRate());
    }

    static void write(Path dir, List<FfmLayers.Row> rows, FfmLayersConfig cfg, String profile, double seconds)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", "ffm-layers");
        json.put("bench", profile);
        json.put("config", cfg);
        json.put("seconds", seconds);
        List<Map<String, Object>> table = new ArrayList<>();
        for (FfmLayers.Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layers", r.layers());
            row.put("ideal_simulation", r.ideal());
            row.put("in_silico_deployed", r.inSilicoDeployed());
            row.put("in_silico_deployed_registered", r.inSilicoRegistered());
            for (var e : r.bench().entrySet()) {
                row.put(e.getKey(), e.getValue());
            }
            row.put("bench_cost_per_step", r.costPerStep());
            row.put("calibration_frames", r.calibrationFrames());
            row.put("seconds", r.seconds());
            row.put("train_accuracy_by_epoch", r.trainAccuracyByEpoch());
            row.put("train_loss_by_epoch", r.trainLossByEpoch());
            table.add(row);
        }
        json.put("rows", table);
        json.put("paper", Map.of("layers", List.of(2, 4, 6, 8),
                "ideal_simulation", List.of(0.922, 0.938, 0.960, 0.960),
                "in_silico_deployed", List.of(0.440, 0.524, 0.584, 0.588),
                "ffm", List.of(0.865, 0.910, 0.923, 0.925)));
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        writeText(dir.resolve("table.json"), om.writeValueAsString(json));
        writeText(dir.resolve("table.md"), markdown(rows, cfg, profile));
        List<String> cats = rows.stream().map(r -> r.layers() + " layers").toList();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("ideal simulation", rows.stream().mapToDouble(r -> 100 * r.ideal()).toArray());
        series.put("in-silico deployed", rows.stream().mapToDouble(r -> 100 * r.inSilicoDeployed()).toArray());
        series.put("in-silico deployed, registered",
                rows.stream().mapToDouble(r -> 100 * r.inSilicoRegistered()).toArray());
        for (String m : cfg.methods()) {
            series.put(m.toUpperCase(Locale.ROOT) + " on bench", rows.stream().mapToDouble(r -> 100 * r.bench().get(m)).toArray());
        }
        writeDesigns(dir.resolve("designs"), rows, cfg.n());
        Charts.barChart(dir.resolve("accuracy.png"), "Fashion-MNIST test accuracy, bench '" + profile + "'",
                "network depth", "accuracy (%)", cats, series);
    }

    /**
     * One .npz per depth: "initial" ({@link FfmLayers.Row#initial()}), then each entry of {@link FfmLayers.Row#phases()}
     * ("in-silico", then each bench method), each a float64 array (layers, n, n) of the wanted phases in radians,
     * unwrapped, as the methods hold them.
     * What the SLM shows is these phases through the lab's measured response (levels on the circle).
     */
    static void writeDesigns(Path dir, List<FfmLayers.Row> rows, int n) throws IOException {
        Files.createDirectories(dir);
        for (FfmLayers.Row r : rows) {
            Map<String, NpyArray> arrays = new LinkedHashMap<>();
            arrays.put("initial", NpyArray.ofLayers(r.initial(), n, n));
            for (var e : r.phases().entrySet()) {
                arrays.put(e.getKey(), NpyArray.ofLayers(e.getValue(), n, n));
            }
            Npz.write(dir.resolve("L" + r.layers() + ".npz"), arrays);
        }
    }

    static void writeText(Path file, String text) throws IOException {
        AtomicWrite.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
