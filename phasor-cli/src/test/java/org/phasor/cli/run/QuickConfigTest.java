package org.phasor.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped quick config trains on the shipped Fashion-MNIST subset to clearly better than chance (10 %), and
 * the run directory holds what the docs promise; eval and export then work on it.
 */
class QuickConfigTest {

    @Test
    void quickConfigLearnsFashionMnist(@TempDir Path dir) throws Exception {
        Path cfg = Path.of("..", "configs", "quick.yaml");
        Path run = dir.resolve("quick");
        CliRunner r = CliRunner.run("train", cfg.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        double acc = m.get("test_accuracy").asDouble();
        assertTrue(acc >= 0.60, "quick config reached only " + acc);
        assertEquals(2, m.get("epochs").size());
        for (JsonNode e : m.get("epochs")) {
            assertTrue(e.has("train_loss") && e.has("train_accuracy") && e.has("test_accuracy") && e.has("seconds"), e.toString());
        }
        assertTrue(Files.exists(run.resolve("config.yaml")));
        assertTrue(Files.exists(run.resolve("checkpoint.bin")));
        for (String fig : Figures.NAMES) {
            assertTrue(Files.size(run.resolve("figures").resolve(fig)) > 1000, fig);
        }

        CliRunner e = CliRunner.run("eval", run.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains(String.format(java.util.Locale.ROOT, "%.2f", 100 * acc)), e.out() + " vs " + acc);

        Path npz = dir.resolve("model.npz");
        CliRunner x = CliRunner.run("export", run.toString(), "--out", npz.toString());
        assertEquals(0, x.code(), x.err());
        var arrays = org.phasor.io.Npz.read(npz);
        assertTrue(arrays.keySet().containsAll(java.util.List.of("phase", "transmission", "grid_shape", "pitch",
                "wavelength", "distances", "padding", "detector_regions")), arrays.keySet().toString());
        assertEquals(3, arrays.get("phase").shape()[0]);
    }
}
