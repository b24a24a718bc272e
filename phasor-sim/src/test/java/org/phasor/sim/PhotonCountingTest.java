package org.phasor.sim;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotonCountingTest {

    /** Sub-photon frames: whole counts, Poisson mean = QE·photons·I + dark, variance = mean. */
    @Test
    void photonCountingFramesArePoissonWithDarkCounts() {
        Imperfections imp = Imperfections.NONE.withPhotonCounting(0.5, 0.02);
        Camera cam = new Camera(imp);
        int n = 200_000;
        double intensity = 0.4; // 0.2 photons per pixel per frame, plus 0.02 dark
        double[] frame = new double[n];
        Arrays.fill(frame, intensity);
        cam.read(frame, 0, n, 1, new SplittableRandom(1));
        double gain = 0.5 * imp.quantumEfficiency();
        double mean = 0;
        double sq = 0;
        for (double v : frame) {
            double counts = v * gain;
            assertEquals(Math.rint(counts), counts, 1e-9, "whole photon counts");
            mean += counts / n;
            sq += counts * counts / n;
        }
        double expected = 0.2 + 0.02;
        assertEquals(expected, mean, 5 * Math.sqrt(expected / n));
        assertEquals(expected, sq - mean * mean, 0.01);
    }

    @Test
    void darkCountsAppearWithoutLight() {
        Camera cam = new Camera(Imperfections.NONE.withPhotonCounting(1, 0.05));
        double[] frame = new double[100_000];
        cam.read(frame, 0, frame.length, 1, new SplittableRandom(2));
        double mean = Arrays.stream(frame).average().orElseThrow();
        assertEquals(0.05, mean, 5 * Math.sqrt(0.05 / frame.length));
        Camera clean = new Camera(Imperfections.NONE.withPhotonCounting(1, 0));
        double[] dark = new double[1000];
        clean.read(dark, 0, dark.length, 1, new SplittableRandom(3));
        assertTrue(Arrays.stream(dark).allMatch(v -> v == 0), "no light, no dark counts: no events");
    }

    @Test
    void profilesReadDarkCounts() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("dark", ".yaml");
        java.nio.file.Files.writeString(f, "extends: ideal\nphotonsPerUnit: 0.5\nphotonCounting: true\ndarkCounts: 0.03\n");
        Imperfections p = Profiles.load(f.toString());
        assertEquals(0.03, p.darkCounts());
        assertTrue(p.photonCounting());
        java.nio.file.Files.delete(f);
    }
}
