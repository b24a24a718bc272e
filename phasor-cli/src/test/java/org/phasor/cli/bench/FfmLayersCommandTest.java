package org.phasor.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code phasor reproduce ffm-layers}: option values out of range are one line, exit 2, nothing written. */
class FfmLayersCommandTest {

    @Test
    void holographyStepsOtherThanThreeOrFourIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "holography steps must be 3 or 4, got 5", "--holography-steps", "5");
    }

    @Test
    void unknownReferenceTrackingIsAOneLineError(@TempDir Path dir) {
        assertOneLineError(dir, "--track-reference must be step or measurement, got 'each'", "--track-reference", "each");
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
    void methodsNoneLeavesOnlyTheInSilicoColumns() {
        assertEquals(List.of(), FfmLayersCommand.configure(false, null, List.of("none"), null, null, null).methods());
        assertEquals(List.of("ffm"), FfmLayersCommand.configure(false, null, List.of("ffm"), null, null, null).methods());
    }
}
