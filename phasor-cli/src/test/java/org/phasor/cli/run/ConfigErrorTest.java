package org.phasor.cli.run;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad configs give exit code 2 and one line naming the key or file, before any training starts. */
class ConfigErrorTest {
    static final String GOOD = """
            name: t
            data:
              source: subset
            optics:
              grid: 32
            encoding:
              upsample: 1
            network:
              layers: 2
              distance: 2.0e-3
            detectors:
              size: 3
            training:
              epochs: 1
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  distance: 2.0e-3'|'  distance: 2.0e-3\n  colour: red'|network.colour",
            "'  layers: 2'|'  layers: 2\n  distnce: 1.0'|distnce",
            "'  distance: 2.0e-3'|'  distance: -2.0e-3'|network.distance",
            "'  layers: 2'|'  layers: 0'|network.layers",
            "'  size: 3'|'  size: 30'|detectors",
            "'  source: subset'|'  dir: no/such/dir'|no/such/dir",
            "'  upsample: 1'|'  upsample: 2'|does not fit",
            "'  epochs: 1'|'  epochs: many'|training.epochs",
    })
    void badConfigIsOneLineNamingTheKey(String from, String to, String expected, @TempDir Path dir) throws Exception {
        String text = GOOD.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertTrue(!text.equals(GOOD), "test case did not change the config");
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, text);
        CliRunner r = CliRunner.run("train", cfg.toString(), "--out", dir.resolve("run").toString(), "--no-figures");
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().filter(l -> l.startsWith("phasor: error")).count(), err);
        String errorLine = err.lines().filter(l -> l.startsWith("phasor: error")).findFirst().orElseThrow();
        assertTrue(errorLine.contains(expected), "'" + errorLine + "' should name " + expected);
        assertTrue(!err.contains("\tat "), "no stack trace: " + err);
    }

    @ParameterizedTest
    @CsvSource({"missing.yaml"})
    void missingConfigFileIsNamed(String name, @TempDir Path dir) {
        CliRunner r = CliRunner.run("train", dir.resolve(name).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(name), r.err());
    }
}
