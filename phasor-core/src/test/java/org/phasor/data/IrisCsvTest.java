package org.phasor.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrisCsvTest {

    /** Class means of Fisher's Iris data (the values every statistics text quotes), per feature. */
    private static final double[][] MEANS = {
            {5.006, 3.428, 1.462, 0.246},
            {5.936, 2.770, 4.260, 1.326},
            {6.588, 2.974, 5.552, 2.026}};
    /** Sample standard deviations per class and feature (R's iris data set). */
    private static final double[][] SDS = {
            {0.3525, 0.3791, 0.1737, 0.1054},
            {0.5162, 0.3138, 0.4699, 0.1978},
            {0.6359, 0.3225, 0.5519, 0.2747}};

    @Test
    void shippedIrisHas150RowsAndTheKnownClassStatistics() {
        Dataset iris = IrisCsv.shipped();
        assertEquals(150, iris.size());
        assertEquals(1, iris.rows());
        assertEquals(4, iris.cols());
        assertArrayEquals(new int[]{50, 50, 50}, iris.classCounts());
        for (int c = 0; c < 3; c++) {
            for (int f = 0; f < 4; f++) {
                double s = 0;
                double s2 = 0;
                for (int i = 0; i < 150; i++) {
                    if (iris.labels()[i] == c) {
                        double v = iris.value(i, 0, f);
                        s += v;
                        s2 += v * v;
                    }
                }
                double mean = s / 50;
                double sd = Math.sqrt((s2 - 50 * mean * mean) / 49);
                assertEquals(MEANS[c][f], mean, 5e-4, "mean of class " + c + " feature " + f);
                assertEquals(SDS[c][f], sd, 1e-3, "sd of class " + c + " feature " + f);
            }
        }
    }

    @Test
    void acceptsUciSpeciesNamesAndReportsBadLines(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("uci.data");
        Files.writeString(ok, "5.1,3.5,1.4,0.2,Iris-setosa\n7.0,3.2,4.7,1.4,Iris-versicolor\n\n");
        Dataset d = IrisCsv.read(ok);
        assertArrayEquals(new int[]{0, 1}, d.labels());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,c,d,species\n5.1,3.5,1.4,0.2,setosa\n5.1,x,1.4,0.2,setosa\n");
        IOException e = assertThrows(IOException.class, () -> IrisCsv.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":3: sepal_width"), e.getMessage());

        Path sp = dir.resolve("sp.csv");
        Files.writeString(sp, "5.1,3.5,1.4,0.2,rose\n");
        IOException e2 = assertThrows(IOException.class, () -> IrisCsv.read(sp));
        assertTrue(e2.getMessage().contains("unknown species 'rose'"), e2.getMessage());
    }

    @Test
    void stratifiedSplitIsBalancedAndSeeded() {
        DataSplit s = Datasets.iris(40, 7);
        assertArrayEquals(new int[]{40, 40, 40}, s.train().classCounts());
        assertArrayEquals(new int[]{10, 10, 10}, s.test().classCounts());
        assertEquals(s.train(), Datasets.iris(40, 7).train());
        assertTrue(!s.train().equals(Datasets.iris(40, 8).train()));
        Dataset scaled = s.train().minMaxScaled();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : scaled.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }
}
