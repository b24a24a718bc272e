package org.phasor.cli.lightgen;

import org.phasor.io.AtomicWrite;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * PNG figures of the generative task, drawn with the JDK only (ImageIO, Java2D): grids of 28×28 grey images
 * and a small line chart. Writes are atomic.
 */
final class Figures {
    private Figures() {
    }

    /**
     * Writes {@code rows × cols} images (each 28×28, values clipped to [0, 1], row-major one after another)
     * magnified {@code scale}×, with a 2-pixel gap.
     */
    static void imageGrid(Path file, double[] images, int rows, int cols, int scale) throws IOException {
        int side = 28 * scale;
        int gap = 2;
        BufferedImage img = new BufferedImage(cols * (side + gap) + gap, rows * (side + gap) + gap, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int base = (r * cols + c) * 784;
                if (base + 784 > images.length) {
                    continue;
                }
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double v = images[base + (y / scale) * 28 + x / scale];
                        int grey = (int) Math.round(255 * Math.min(1, Math.max(0, v)));
                        img.getRaster().setSample(gap + c * (side + gap) + x, gap + r * (side + gap) + y, 0, grey);
                    }
                }
            }
        }
        write(file, img);
    }

    /** A grey image of arbitrary size (values clipped to [0, 1]). */
    static void grey(Path file, double[] values, int h, int w) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (int) Math.round(255 * Math.min(1, Math.max(0, values[y * w + x]))));
            }
        }
        write(file, img);
    }

    /** One named series of (x, y) points of a line chart. */
    record Series(String name, double[] x, double[] y, Color color) {
    }

    /** A line chart with linear axes from the data's ranges. */
    static void lineChart(Path file, String title, String xLabel, List<Series> series) throws IOException {
        int w = 640;
        int h = 400;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                yMin = Math.min(yMin, s.y()[i]);
                yMax = Math.max(yMax, s.y()[i]);
            }
        }
        if (!(xMax > xMin)) {
            xMax = xMin + 1;
        }
        if (!(yMax > yMin)) {
            yMax = yMin + 1;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.drawRect(left, top, w - left - right, h - top - bottom);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, left, 20);
        g.drawString(xLabel, w / 2 - 20, h - 10);
        for (int t = 0; t <= 4; t++) {
            double yv = yMin + (yMax - yMin) * t / 4;
            int py = top + (int) ((h - top - bottom) * (1 - t / 4.0));
            g.drawString(String.format(java.util.Locale.ROOT, "%.3g", yv), 5, py + 4);
            double xv = xMin + (xMax - xMin) * t / 4;
            int px = left + (int) ((w - left - right) * t / 4.0);
            g.drawString(String.format(java.util.Locale.ROOT, "%.3g", xv), px - 10, h - bottom + 15);
        }
        g.setStroke(new BasicStroke(2f));
        int legend = top + 15;
        for (Series s : series) {
            g.setColor(s.color());
            for (int i = 1; i < s.x().length; i++) {
                g.drawLine(px(s.x()[i - 1], xMin, xMax, left, w - right), py(s.y()[i - 1], yMin, yMax, top, h - bottom),
                        px(s.x()[i], xMin, xMax, left, w - right), py(s.y()[i], yMin, yMax, top, h - bottom));
            }
            g.drawString(s.name(), w - right - 220, legend);
            legend += 15;
        }
        g.dispose();
        write(file, img);
    }

    private static int px(double v, double min, double max, int a, int b) {
        return a + (int) Math.round((v - min) / (max - min) * (b - a));
    }

    private static int py(double v, double min, double max, int top, int bottom) {
        return bottom - (int) Math.round((v - min) / (max - min) * (bottom - top));
    }

    private static void write(Path file, BufferedImage img) throws IOException {
        AtomicWrite.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
    }
}
