package org.phasor.cli.photonics;

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
import java.util.Locale;

/**
 * Small PNG figures with java.awt (headless): line charts and heat maps with markers. A stop-gap until the
 * shared plotting code of phasor-cli lands; files are written atomically.
 */
final class Png {
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};

    private Png() {
    }

    /** One line of a chart. */
    record Series(String label, double[] x, double[] y) {
    }

    static BufferedImage lineChart(String title, String xLabel, String yLabel, List<Series> series, double yMin, double yMax) {
        int w = 720, h = 440, l = 70, r = 170, t = 40, b = 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.x()) {
                xMin = Math.min(xMin, v);
                xMax = Math.max(xMax, v);
            }
        }
        if (xMax <= xMin) {
            xMax = xMin + 1;
        }
        axes(g, title, xLabel, yLabel, l, t, w - l - r, h - t - b, xMin, xMax, yMin, yMax);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.setStroke(new BasicStroke(2f));
            for (int k = 1; k < s.x().length; k++) {
                g.drawLine(px(s.x()[k - 1], xMin, xMax, l, w - l - r), py(s.y()[k - 1], yMin, yMax, t, h - t - b),
                        px(s.x()[k], xMin, xMax, l, w - l - r), py(s.y()[k], yMin, yMax, t, h - t - b));
            }
            g.fillRect(w - r + 15, t + 10 + 20 * i, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), w - r + 35, t + 16 + 20 * i);
        }
        g.dispose();
        return img;
    }

    /**
     * A heat map of {@code z[iy][ix]} over [x0, x1]×[y0, y1] (diverging blue-white-red scale symmetric about 0)
     * with markers (x, y) and a colour bar, drawn at ({@code ox}, 0) of a wider image.
     */
    static void heatMap(Graphics2D g, int ox, String title, String xLabel, String yLabel, double[][] z,
                        double x0, double x1, double y0, double y1, double[][] markers, Color[] markerColors) {
        int l = ox + 70, t = 40, pw = 330, ph = 330;
        double zmax = 1e-12;
        boolean signed = false;
        for (double[] row : z) {
            for (double v : row) {
                zmax = Math.max(zmax, Math.abs(v));
                signed |= v < 0;
            }
        }
        // powers and other non-negative maps get a sequential scale 0..max; signed maps a diverging one
        java.util.function.DoubleFunction<Color> colour = signed ? Png::diverging
                : v -> new Color(org.phasor.io.ColorMap.VIRIDIS.rgb(Math.clamp(v, 0, 1)));
        int ny = z.length, nx = z[0].length;
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                g.setColor(colour.apply(z[iy][ix] / zmax));
                int xa = l + ix * pw / nx, xb = l + (ix + 1) * pw / nx;
                int ya = t + ph - (iy + 1) * ph / ny, yb = t + ph - iy * ph / ny;
                g.fillRect(xa, ya, xb - xa, yb - ya);
            }
        }
        axes(g, title, xLabel, yLabel, l, t, pw, ph, x0, x1, y0, y1);
        for (int i = 0; i < markers.length; i++) {
            g.setColor(markerColors[i]);
            int mx = px(markers[i][0], x0, x1, l, pw), my = py(markers[i][1], y0, y1, t, ph);
            g.setStroke(new BasicStroke(2f));
            g.drawOval(mx - 5, my - 5, 10, 10);
        }
        // colour bar
        for (int k = 0; k < ph; k++) {
            g.setColor(colour.apply(signed ? 1 - 2.0 * k / ph : 1 - (double) k / ph));
            g.fillRect(l + pw + 12, t + k, 12, 1);
        }
        g.setColor(Color.BLACK);
        g.drawString(fmt(zmax), l + pw + 28, t + 10);
        if (signed) {
            g.drawString("0", l + pw + 28, t + ph / 2 + 4);
            g.drawString(fmt(-zmax), l + pw + 28, t + ph);
        } else {
            g.drawString("0", l + pw + 28, t + ph);
        }
    }

    static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void axes(Graphics2D g, String title, String xLabel, String yLabel, int l, int t, int w, int h,
                             double x0, double x1, double y0, double y1) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(l, t, w, h);
        for (int k = 0; k <= 4; k++) {
            double xv = x0 + (x1 - x0) * k / 4, yv = y0 + (y1 - y0) * k / 4;
            int xp = l + w * k / 4, yp = t + h - h * k / 4;
            g.drawLine(xp, t + h, xp, t + h + 4);
            g.drawString(fmt(xv), xp - 14, t + h + 18);
            g.drawLine(l - 4, yp, l, yp);
            g.drawString(fmt(yv), l - 52, yp + 4);
        }
        g.drawString(xLabel, l + w / 2 - 30, t + h + 36);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(t + h / 2 + 30), l - 56);
        g.rotate(Math.PI / 2);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 13f));
        g.drawString(title, l, t - 12);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
    }

    private static int px(double x, double x0, double x1, int l, int w) {
        return (int) Math.round(l + (x - x0) / (x1 - x0) * w);
    }

    private static int py(double y, double y0, double y1, int t, int h) {
        return (int) Math.round(t + h - (y - y0) / (y1 - y0) * h);
    }

    private static Color diverging(double v) {
        double a = Math.clamp(v, -1, 1);
        int c = (int) Math.round(255 * (1 - Math.abs(a)));
        return a >= 0 ? new Color(255, c, c) : new Color(c, c, 255);
    }

    static String fmt(double v) {
        return Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v != 0) ? String.format(Locale.ROOT, "%.2g", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Writes the image atomically (temp file + rename). */
    static void write(BufferedImage img, Path file) throws IOException {
        AtomicWrite.write(file, out -> ImageIO.write(img, "png", out));
    }

    /** Writes text atomically. */
    static void write(String text, Path file) throws IOException {
        AtomicWrite.write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
