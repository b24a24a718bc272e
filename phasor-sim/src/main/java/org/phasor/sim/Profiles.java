package org.phasor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named imperfection profiles in YAML: {@code ideal} and {@code lab} ship as resources under
 * {@code org/phasor/sim/profiles/}; any other name is read as a file. A file may start from another profile with
 * {@code extends: lab} and override single keys (profiles compose). Unknown keys are errors naming the file and key.
 */
public final class Profiles {
    /** Profiles shipped with Phasor. */
    public static final List<String> BUILT_IN = List.of("ideal", "lab");

    private static final List<String> KEYS = List.of("seed", "lateralShiftPx", "rotationDeg", "distanceError",
            "phaseRange", "gamma", "crosstalkPx", "zernikeRmsRad", "illuminationWaist", "photonsPerUnit",
            "quantumEfficiency", "readNoiseE", "adcBits", "fullWellE", "photonCounting", "darkCounts",
            "driftShiftPxPerRootS",
            "driftPhaseRadPerRootS", "description");

    private Profiles() {
    }

    /** {@code ideal}, {@code lab}, or a path to a YAML file. */
    public static Imperfections load(String nameOrFile) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        resolve(nameOrFile, values, 0);
        return build(values, nameOrFile);
    }

    private static void resolve(String nameOrFile, Map<String, JsonNode> into, int depth) {
        if (depth > 8) {
            throw new IllegalArgumentException("profile " + nameOrFile + ": 'extends' chain too long (a cycle?)");
        }
        JsonNode root = read(nameOrFile);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("profile " + nameOrFile + ": expected a YAML mapping of key: value");
        }
        if (root.has("extends")) {
            resolve(root.get("extends").asText(), into, depth + 1);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("extends")) {
                continue;
            }
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("profile " + nameOrFile + ": unknown key '" + e.getKey()
                        + "' (known: " + String.join(", ", KEYS) + ")");
            }
            into.put(e.getKey(), e.getValue());
        }
    }

    private static JsonNode read(String nameOrFile) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            if (BUILT_IN.contains(nameOrFile)) {
                try (InputStream in = Profiles.class.getResourceAsStream("profiles/" + nameOrFile + ".yaml")) {
                    if (in == null) {
                        throw new IllegalStateException("built-in profile " + nameOrFile + " missing from the jar");
                    }
                    return yaml.readTree(in);
                }
            }
            Path p = Path.of(nameOrFile);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("bench profile '" + nameOrFile + "' is neither a built-in ("
                        + String.join(", ", BUILT_IN) + ") nor a readable file");
            }
            return yaml.readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("profile " + nameOrFile + ": cannot parse YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Imperfections build(Map<String, JsonNode> v, String source) {
        Imperfections d = Imperfections.NONE;
        try {
            return new Imperfections(
                    v.containsKey("seed") ? number(v, "seed", source).longValue() : d.seed(),
                    dbl(v, "lateralShiftPx", d.lateralShiftPx(), source),
                    dbl(v, "rotationDeg", d.rotationDeg(), source),
                    dbl(v, "distanceError", d.distanceError(), source),
                    dbl(v, "phaseRange", d.phaseRange(), source),
                    dbl(v, "gamma", d.gamma(), source),
                    dbl(v, "crosstalkPx", d.crosstalkPx(), source),
                    dbl(v, "zernikeRmsRad", d.zernikeRmsRad(), source),
                    dbl(v, "illuminationWaist", d.illuminationWaist(), source),
                    dbl(v, "photonsPerUnit", d.photonsPerUnit(), source),
                    dbl(v, "quantumEfficiency", d.quantumEfficiency(), source),
                    dbl(v, "readNoiseE", d.readNoiseE(), source),
                    v.containsKey("adcBits") ? number(v, "adcBits", source).intValue() : d.adcBits(),
                    dbl(v, "fullWellE", d.fullWellE(), source),
                    v.containsKey("photonCounting") ? v.get("photonCounting").asBoolean() : d.photonCounting(),
                    dbl(v, "darkCounts", d.darkCounts(), source),
                    dbl(v, "driftShiftPxPerRootS", d.driftShiftPxPerRootS(), source),
                    dbl(v, "driftPhaseRadPerRootS", d.driftPhaseRadPerRootS(), source),
                    v.containsKey("description") ? v.get("description").asText() : source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile " + source + ": " + e.getMessage());
        }
    }

    private static double dbl(Map<String, JsonNode> v, String key, double fallback, String source) {
        return v.containsKey(key) ? number(v, key, source).doubleValue() : fallback;
    }

    private static Number number(Map<String, JsonNode> v, String key, String source) {
        JsonNode n = v.get(key);
        if (!n.isNumber()) {
            throw new IllegalArgumentException("profile " + source + ": key '" + key + "' must be a number, got '"
                    + n.asText() + "'");
        }
        return n.numberValue();
    }
}
