package org.phasor.cli.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiguresTest {
    @TempDir
    Path dir;

    private static BufferedImage read(Path p) throws IOException {
        assertTrue(Files.size(p) > 1000, p + " is suspiciously small");
        BufferedImage img = ImageIO.read(p.toFile());
        assertTrue(img != null, p + " is not a PNG");
        return img;
    }

    @Test
    void learningCurvesAndBarChart() throws IOException {
        Path lc = dir.resolve("learning_curves.png");
        Charts.learningCurves(lc, new int[]{1, 2, 3}, new double[]{2.1, 1.5, 1.2}, new double[]{2.0, Double.NaN, 1.3},
                new double[]{0.3, 0.6, 0.7}, new double[]{0.35, 0.58, 0.69});
        BufferedImage img = read(lc);
        assertEquals(800, img.getWidth());
        Charts.learningCurves(lc, List.of(new org.phasor.train.EpochMetrics(1, 2.0, 0.3, Double.NaN, Double.NaN, 1, org.phasor.train.Cost.ZERO)));
        read(lc);
        IllegalArgumentException pct = assertThrows(IllegalArgumentException.class, () -> Charts.learningCurves(lc,
                new int[]{1}, new double[]{1}, null, new double[]{78.2}, null));
        assertTrue(pct.getMessage().contains("78.2"), pct.getMessage());
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("ideal", new double[]{92.2, 93.8});
        s.put("FFM", new double[]{86.5, 91.0});
        Path bar = dir.resolve("bars.png");
        Charts.barChart(bar, "Fashion-MNIST", "layers", "test accuracy (%)", List.of("2", "4"), s);
        read(bar);
        assertThrows(IllegalArgumentException.class,
                () -> Charts.barChart(bar, "t", "c", "v", List.of("2"), s));
    }

    @Test
    void phaseMasksUseACyclicMap() throws IOException {
        int n = 40;
        List<double[]> masks = new ArrayList<>();
        double[] ramp = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                ramp[y * n + x] = 2 * Math.PI * x / n;
            }
        }
        masks.add(ramp);
        masks.add(new double[n * n]);
        Path p = dir.resolve("masks.png");
        FieldImages.phaseMasks(p, masks, n, n, List.of("layer 1", "layer 2"));
        BufferedImage img = read(p);
        assertEquals(FieldImages.phaseColour(0), FieldImages.phaseColour(2 * Math.PI));
        assertEquals(FieldImages.phaseColour(1), FieldImages.phaseColour(1 - 4 * Math.PI));
        assertNotEquals(FieldImages.phaseColour(0), FieldImages.phaseColour(Math.PI));
        // the ramp's first and last columns (0 and 2π·39/40) are nearly the same colour: no seam
        int first = img.getRGB(8 + 1, 8 + 22 + 80);
        int last = img.getRGB(8 + 158, 8 + 22 + 80);
        assertTrue(Math.abs(((first >> 16) & 0xff) - ((last >> 16) & 0xff)) < 40, Integer.toHexString(first) + " " + Integer.toHexString(last));
        // 40 px masks are enlarged by 4 (160 px panels)
        assertEquals(160, FieldImages.displaySize(40));
        assertEquals(400, FieldImages.displaySize(800));
        assertTrue(img.getWidth() >= 2 * 160);
    }

    @Test
    void intensityPanelsAndConfusionMatrix() throws IOException {
        int n = 32;
        double[] spot = new double[n * n];
        spot[10 * n + 12] = 5;
        spot[20 * n + 20] = 1;
        Path p = dir.resolve("outputs.png");
        FieldImages.intensityPanels(p, List.of(spot, spot), n, n, List.of(new Box(8, 8, 8, 8), new Box(18, 18, 6, 6)),
                List.of("Coat → Coat", "Bag → Coat"), new int[]{0, 1});
        read(p);
        long[][] counts = {{50, 3, 0}, {4, 40, 6}, {0, 0, 47}};
        Path cm = dir.resolve("confusion.png");
        ConfusionMatrixImage.write(cm, counts, List.of("setosa", "versicolor", "virginica"));
        read(cm);
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixImage.write(cm, counts, List.of("a")));
    }
}
