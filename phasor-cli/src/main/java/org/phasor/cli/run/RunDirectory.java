package org.phasor.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.phasor.io.AtomicWrite;
import org.phasor.train.EpochMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a training run: {@code config.yaml} (resolved config), {@code checkpoint.bin} (latest
 * {@link org.phasor.train.TrainingState}), {@code metrics.json}, {@code figures/*.png}. Every write is atomic.
 */
public record RunDirectory(Path dir) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path config() {
        return dir.resolve("config.yaml");
    }

    public Path checkpoint() {
        return dir.resolve("checkpoint.bin");
    }

    public Path metrics() {
        return dir.resolve("metrics.json");
    }

    public Path figures() {
        return dir.resolve("figures");
    }

    /** Reads the run's resolved config; one-line error when {@code dir} is not a run directory. */
    public RunConfig readConfig() throws IOException {
        if (!Files.isRegularFile(config())) {
            throw new NoSuchFileException(config() + " (not a run directory: no config.yaml)");
        }
        return ConfigFiles.read(config());
    }

    public void writeText(Path file, String text) throws IOException {
        AtomicWrite.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes metrics.json: run facts, per-epoch metrics, and the final model's test accuracy. */
    public void writeMetrics(Map<String, Object> facts, List<EpochMetrics> history, double testAccuracy, double testLoss)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(facts);
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochMetrics e : history) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.epoch());
            row.put("train_loss", finite(e.trainLoss()));
            row.put("train_accuracy", finite(e.trainAccuracy()));
            row.put("test_loss", finite(e.testLoss()));
            row.put("test_accuracy", finite(e.testAccuracy()));
            row.put("seconds", e.seconds());
            row.put("data_passes", e.cost().dataPasses());
            row.put("error_passes", e.cost().errorPasses());
            row.put("frames", e.cost().frames());
            epochs.add(row);
        }
        m.put("epochs", epochs);
        m.put("test_accuracy", finite(testAccuracy));
        m.put("test_loss", finite(testLoss));
        byte[] bytes = JSON.writeValueAsBytes(m);
        AtomicWrite.write(metrics(), out -> out.write(bytes));
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
