package org.phasor.cli.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.phasor.io.AtomicWrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files every {@code phasor reproduce} application writes: {@code table.json} (everything measured, with the
 * settings that produced it) and {@code table.md} (the headline table beside the paper's numbers), atomically.
 */
final class ResultFiles {
    private ResultFiles() {
    }

    static void writeJson(Path dir, Map<String, Object> content) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = m.writeValueAsBytes(content);
        AtomicWrite.write(dir.resolve("table.json"), out -> out.write(bytes));
    }

    /** A Markdown table: header row, then rows of already formatted cells. */
    static String markdownTable(List<String> header, List<List<String>> rows) {
        StringBuilder s = new StringBuilder();
        s.append("| ").append(String.join(" | ", header)).append(" |\n|");
        s.append(" --- |".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            s.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return s.toString();
    }

    static void writeMarkdown(Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(dir.resolve("table.md"), out -> out.write(bytes));
    }

    static String f(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "–";
    }
}
