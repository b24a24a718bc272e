package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.Bench;
import org.phasor.bench.FullyForward;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model/bench boundary, checked on the compiled classes (constant pools name every class and method a class
 * refers to):
 * <ul>
 *   <li>nothing in phasor-core — trainers, gradient methods, procedures — refers to org.phasor.sim, where the
 *       imperfections live (Maven also forbids the dependency: phasor-sim depends on phasor-core);</li>
 *   <li>the FFM engine and the generative model's bench trainers ({@code BenchDecoder}, {@code BenchAutoencoder})
 *       refer to no model network, workspace, adjoint or transpose operation: their gradients can only come from
 *       what the bench measures (the autoencoder's fibre maps run backwards are digital couplers/emitters built
 *       by reciprocity, not transposes).</li>
 * </ul>
 */
class BoundaryTest {

    @Test
    void coreClassesNeverReferToTheSimulatedBench() throws Exception {
        Path root = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classes = classFiles(root);
        assertTrue(classes.size() > 20, "expected phasor-core's classes under " + root);
        List<String> offenders = new ArrayList<>();
        for (Path c : classes) {
            String text = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            if (text.contains("org/phasor/sim")) {
                offenders.add(c.toString());
            }
        }
        assertEquals(List.of(), offenders, "phasor-core classes referring to the simulated bench");
        // and the test itself can see the imperfections: the scan would notice a reference
        assertTrue(new String(bytes(SimulatedBench.class), StandardCharsets.ISO_8859_1).contains("org/phasor/sim"));
    }

    @Test
    void ffmNeverCallsTheModelsAdjoint() throws Exception {
        Path root = Path.of(FullyForward.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> ffm = classFiles(root).stream()
                .filter(p -> {
                    String f = p.getFileName().toString();
                    return f.startsWith("FullyForward") || f.startsWith("BenchDecoder") || f.startsWith("BenchAutoencoder");
                })
                .toList();
        assertFalse(ffm.isEmpty(), "FullyForward classes not found under " + root);
        for (String name : new String[]{"FullyForward.class", "BenchDecoder.class", "BenchAutoencoder.class"}) {
            assertTrue(ffm.stream().anyMatch(p -> p.getFileName().toString().equals(name)), name + " not scanned");
        }
        String[] forbidden = {"org/phasor/model/NetworkWorkspace", "org/phasor/model/DiffractiveNetwork",
                "transposePass", "applyAdjoint", "applyTranspose", "accumulateGradients", "org/phasor/optics/LinearOp",
                "org/phasor/sim"};
        for (Path c : ffm) {
            String text = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String f : forbidden) {
                assertFalse(text.contains(f), c.getFileName() + " refers to " + f);
            }
        }
        // the scan sees references when they are there
        String ws = new String(bytes(org.phasor.model.NetworkWorkspace.class), StandardCharsets.ISO_8859_1);
        assertTrue(ws.contains("applyTranspose"));
    }

    /** Class files under a directory, or inside a jar (the reactor's {@code package} phase puts phasor-core's jar on the class path). */
    private static List<Path> classFiles(Path root) throws IOException {
        Path top = root;
        if (Files.isRegularFile(root)) {
            top = FileSystems.newFileSystem(root).getPath("/");
        }
        try (Stream<Path> s = Files.walk(top)) {
            return s.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
