package org.phasor.cli.apps;

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

/** Small PNG charts for the reproduce commands: line curves (optionally log x) and grouped bars. */
final class Charts {
    private static final int W = 720;
    private static final int H = 440;
    private static final int L = 80;
    private static final int R = 180;
    private static final int T = 40;
    private static final int B = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    static {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    }

    private Charts() {
    }

    /** One named curve. */
    record Series(String name, double[] x, double[] y) {
    }

    /** One named group of bars (one value per category). */
    record Bars(String name, double[] values) {
    }

    static void lines(Path png, String title, String xLabel, String yLabel, boolean logX, List<Series> series)
            throws IOException {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                double x = logX ? Math.log10(s.x()[i]) : s.x()[i];
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, s.y()[i]);
                y1 = Math.max(y1, s.y()[i]);
            }
        }
        if (!(x1 > x0)) {
            x1 = x0 + 1;
        }
        if (!(y1 > y0)) {
            y1 = y0 + 1;
        }
        double pad = 0.05 * (y1 - y0);
        y0 -= pad;
        y1 += pad;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame(img, title, xLabel, yLabel);
        axesTicks(g, x0, x1, y0, y1, logX);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(COLORS[k % COLORS.length]);
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                int cx = sx(logX ? Math.log10(s.x()[i]) : s.x()[i], x0, x1);
                int cy = sy(s.y()[i], y0, y1);
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                if (s.x().length <= 20) {
                    g.fillOval(cx - 3, cy - 3, 7, 7);
                }
                px = cx;
                py = cy;
            }
            legend(g, k, s.name());
        }
        write(png, img);
    }

    static void bars(Path png, String title, String yLabel, List<String> categories, List<Bars> groups)
            throws IOException {
        double y1 = 0;
        double y0 = 0;
        for (Bars b : groups) {
            for (double v : b.values()) {
                if (Double.isFinite(v)) {
                    y1 = Math.max(y1, v);
                    y0 = Math.min(y0, v);
                }
            }
        }
        y1 = y1 > 0 ? y1 * 1.1 : 1;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame(img, title, "", yLabel);
        axesTicks(g, Double.NaN, Double.NaN, y0, y1, false);
        int plotW = W - L - R;
        int nc = categories.size();
        int ng = groups.size();
        double slot = (double) plotW / nc;
        double bw = slot * 0.8 / ng;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int c = 0; c < nc; c++) {
            g.setColor(Color.BLACK);
            int cx = (int) (L + slot * c + slot / 2);
            g.drawString(categories.get(c), cx - g.getFontMetrics().stringWidth(categories.get(c)) / 2, H - B + 18);
            for (int k = 0; k < ng; k++) {
                double v = groups.get(k).values()[c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                int x = (int) (L + slot * c + slot * 0.1 + bw * k);
                int top = sy(Math.max(v, 0), y0, y1);
                int base = sy(Math.min(v, 0), y0, y1);
                g.setColor(COLORS[k % COLORS.length]);
                g.fillRect(x, top, Math.max(1, (int) bw - 2), Math.max(1, base - top));
            }
        }
        for (int k = 0; k < ng; k++) {
            legend(g, k, groups.get(k).name());
        }
        write(png, img);
    }

    private static Graphics2D frame(BufferedImage img, String title, String xLabel, String yLabel) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.drawRect(L, T, W - L - R, H - T - B);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, L, T - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xLabel, L + (W - L - R) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, H - 14);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yLabel, -(T + (H - T - B) / 2) - r.getFontMetrics().stringWidth(yLabel) / 2, 18);
        r.dispose();
        return g;
    }

    private static void axesTicks(Graphics2D g, double x0, double x1, double y0, double y1, boolean logX) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        for (int i = 0; i <= 4; i++) {
            double y = y0 + (y1 - y0) * i / 4;
            int py = sy(y, y0, y1);
            g.drawLine(L - 4, py, L, py);
            String s = String.format(Locale.ROOT, "%.3g", y);
            g.drawString(s, L - 8 - g.getFontMetrics().stringWidth(s), py + 4);
        }
        if (Double.isNaN(x0)) {
            return;
        }
        for (int i = 0; i <= 4; i++) {
            double x = x0 + (x1 - x0) * i / 4;
            int px = sx(x, x0, x1);
            g.drawLine(px, H - B, px, H - B + 4);
            String s = String.format(Locale.ROOT, "%.3g", logX ? Math.pow(10, x) : x);
            g.drawString(s, px - g.getFontMetrics().stringWidth(s) / 2, H - B + 18);
        }
    }

    private static void legend(Graphics2D g, int k, String name) {
        g.setColor(COLORS[k % COLORS.length]);
        int y = T + 10 + 20 * k;
        g.fillRect(W - R + 12, y - 8, 14, 10);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(name, W - R + 32, y + 2);
    }

    private static int sx(double x, double x0, double x1) {
        return (int) Math.round(L + (x - x0) / (x1 - x0) * (W - L - R));
    }

    private static int sy(double y, double y0, double y1) {
        return (int) Math.round(H - B - (y - y0) / (y1 - y0) * (H - T - B));
    }

    private static void write(Path png, BufferedImage img) throws IOException {
        AtomicWrite.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }
}
