package org.phasor.cli.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The confusion matrix as an annotated heat map: rows are true classes, columns predicted classes, each cell
 * shows its count and is coloured by the fraction of its row (so every class is judged on its own recall,
 * whatever the class sizes). The title gives the overall accuracy.
 */
public final class ConfusionMatrixImage {
    private static final int CELL = 52;
    private static final int LEFT = 120;
    private static final int TOP = 56;
    private static final int BOTTOM = 100;

    private ConfusionMatrixImage() {
    }

    /** Light to dark blue (matplotlib's "Blues" end points), {@code t} in [0, 1]. */
    private static Color blues(double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(247 + u * (8 - 247)), (int) Math.round(251 + u * (48 - 251)),
                (int) Math.round(255 + u * (107 - 255)));
    }

    /**
     * @param counts     {@code counts[true][predicted]}, square
     * @param classNames one name per class
     */
    public static void write(Path png, long[][] counts, List<String> classNames) throws IOException {
        int k = counts.length;
        if (k == 0 || classNames.size() != k) {
            throw new IllegalArgumentException("confusion matrix of " + k + " rows but " + classNames.size() + " class names");
        }
        long total = 0;
        long diag = 0;
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("confusion matrix row " + t + " has " + counts[t].length + " columns, expected " + k);
            }
            for (int p = 0; p < k; p++) {
                total += counts[t][p];
            }
            diag += counts[t][t];
        }
        Png.init();
        int w = LEFT + k * CELL + 80; // room for the last rotated column label
        int h = TOP + k * CELL + BOTTOM;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Png.graphics(img);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(Png.font(15, true));
        Png.centred(g, String.format(Locale.ROOT, "Confusion matrix — accuracy %.2f %% (%d samples)",
                total == 0 ? 0.0 : 100.0 * diag / total, total), w / 2.0, 24);
        g.setFont(Png.font(12, false));
        Png.centred(g, "predicted class", LEFT + k * CELL / 2.0, h - 8);
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (int p = 0; p < k; p++) {
                row += counts[t][p];
            }
            for (int p = 0; p < k; p++) {
                double frac = row == 0 ? 0 : (double) counts[t][p] / row;
                int x = LEFT + p * CELL;
                int y = TOP + t * CELL;
                g.setColor(blues(frac));
                g.fillRect(x, y, CELL, CELL);
                g.setColor(frac > 0.5 ? Color.WHITE : Color.BLACK);
                g.setFont(Png.font(counts[t][p] >= 10000 ? 10 : 12, t == p));
                Png.centred(g, Long.toString(counts[t][p]), x + CELL / 2.0, y + CELL / 2.0 + 5);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, k * CELL, k * CELL);
        g.setColor(Color.BLACK);
        g.setFont(Png.font(11, false));
        for (int t = 0; t < k; t++) {
            String name = classNames.get(t);
            int sw = g.getFontMetrics().stringWidth(name);
            g.drawString(name, LEFT - sw - 6, TOP + t * CELL + CELL / 2 + 4);
        }
        // column labels rotated 45° so long names fit
        AffineTransform keep = g.getTransform();
        for (int p = 0; p < k; p++) {
            g.setTransform(keep);
            g.translate(LEFT + p * CELL + CELL / 2.0, TOP + k * CELL + 8);
            g.rotate(Math.PI / 4);
            g.drawString(classNames.get(p), 0, 4);
        }
        g.setTransform(keep);
        AffineTransform rot = g.getTransform();
        g.translate(14, TOP + k * CELL / 2.0);
        g.rotate(-Math.PI / 2);
        g.setFont(Png.font(12, false));
        Png.centred(g, "true class", 0, 0);
        g.setTransform(rot);
        g.dispose();
        Png.write(png, img);
    }
}
