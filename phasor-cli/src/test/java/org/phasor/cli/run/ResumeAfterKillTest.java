package org.phasor.cli.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.train.Checkpoints;
import org.phasor.train.TrainingState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resume property: a training run killed with SIGKILL (a child JVM of the same JDK and class path, killed by
 * {@link Process#destroyForcibly()}) and continued with {@code --resume} ends with bit-identical parameters and the
 * same metrics as an uninterrupted run with the same seed.
 */
class ResumeAfterKillTest {
    static final String CONFIG = """
            name: resume-test
            seed: 7
            data:
              source: subset
              train_limit: 320
              test_limit: 64
            optics:
              grid: 32
            encoding:
              upsample: 1
            network:
              layers: 2
              distance: 4.0e-3
              init_spread: 1.0
            detectors:
              size: 3
            training:
              epochs: 2
              batch_size: 16
              schedule: cosine
              checkpoint_every: 3
            """;

    @Test
    void killedRunResumesToTheSameModel(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, CONFIG);
        Path full = dir.resolve("full");
        CliRunner a = CliRunner.run("train", cfg.toString(), "--out", full.toString(), "--no-figures");
        assertEquals(0, a.code(), a.err());

        Path killed = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "org.phasor.cli.Main", "train", cfg.toString(),
                "--out", killed.toString(), "--no-figures"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path ckpt = killed.resolve("checkpoint.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // wait until the run is past its second checkpoint (so the kill lands mid-epoch, after real progress)
        int seen = 0;
        long lastModified = -1;
        while (seen < 2 && System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(ckpt)) {
                long m = Files.getLastModifiedTime(ckpt).toMillis() ^ Files.size(ckpt);
                long t = Files.getLastModifiedTime(ckpt).toMillis();
                if (t != lastModified) {
                    lastModified = t;
                    seen++;
                }
                assertTrue(m != 0);
            }
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed; log: " + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        child.waitFor(30, TimeUnit.SECONDS);
        TrainingState atKill = Checkpoints.read(ckpt);
        assertTrue(atKill.epoch() < 2, "killed after training ended");

        CliRunner b = CliRunner.run("train", "--resume", killed.toString(), "--no-figures");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().contains("resuming"), b.err());

        TrainingState x = Checkpoints.read(full.resolve("checkpoint.bin"));
        TrainingState y = Checkpoints.read(ckpt);
        assertTrue(x.params().sameValues(y.params()), "final parameters differ after resume");
        assertTrue(x.optimizer().sameAs(y.optimizer()), "optimiser state differs after resume");
        assertEquals(x.history().size(), y.history().size());
        for (int e = 0; e < x.history().size(); e++) {
            assertEquals(x.history().get(e).trainLoss(), y.history().get(e).trainLoss(), 0.0);
            assertEquals(x.history().get(e).trainAccuracy(), y.history().get(e).trainAccuracy(), 0.0);
            assertEquals(x.history().get(e).testAccuracy(), y.history().get(e).testAccuracy(), 0.0);
        }
        String mx = Files.readString(full.resolve("metrics.json"));
        String my = Files.readString(killed.resolve("metrics.json"));
        assertEquals(strip(mx), strip(my), "metrics.json differ (timings aside)");
    }

    /** metrics.json without its timing lines. */
    static String strip(String json) {
        return String.join("\n", json.lines().filter(l -> !l.contains("\"seconds\"")).toList());
    }
}
