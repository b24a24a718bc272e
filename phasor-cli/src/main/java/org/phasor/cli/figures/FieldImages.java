package org.phasor.cli.figures;

import org.phasor.io.ColorMap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Images of planes for training runs: trained phase masks (cyclic colour map, with a 0…2π colour bar) and output intensities with
 * the detector regions drawn. Several planes go into one PNG as a grid of panels (at most 5 per row), each
 * with a title; small planes are enlarged by pixel repetition, large ones shrunk to at most 400 px. Colour
 * maps are those of {@link org.phasor.io.ColorMap} (single fields with physical axes: org.phasor.io.FieldImages).
 */
public final class FieldImages {
    private static final int PER_ROW = 5;
    private static final int TITLE = 22;
    private static final int PAD = 8;
    private static final int BAR = 36;

    private FieldImages() {
    }

    /**
     * Writes phase masks side by side.
     *
     * @param masks  one array per mask, {@code ny × nx} row-major, radians (any range; shown modulo 2π)
     * @param titles one title per mask (e.g. "layer 1")
     */
    public static void phaseMasks(Path png, List<double[]> masks, int nx, int ny, List<String> titles) throws IOException {
        check(masks, nx, ny, titles);
        int s = displaySize(Math.max(nx, ny));
        BufferedImage img = canvas(masks.size(), nx, ny, s, true);
        Graphics2D g = Png.graphics(img);
        for (int k = 0; k < masks.size(); k++) {
            double[] m = masks.get(k);
            int[] origin = origin(k, nx, ny, s);
            drawPixels(img, origin, nx, ny, s, (x, y) -> phaseColour(m[y * nx + x]));
            title(g, titles.get(k), origin, nx, ny, s);
        }
        colourBar(g, img, "phase", "0", "π", "2π", ColorMap.TWILIGHT::rgb);
        g.dispose();
        Png.write(png, img);
    }

    /**
     * Writes output intensities with detector regions.
     *
     * @param intensities one array per panel, {@code ny × nx} row-major (each panel scaled to its own maximum)
     * @param regions     detector regions in pixels of the plane (drawn on every panel)
     * @param titles      one title per panel (e.g. "Coat → Coat")
     * @param highlight   per panel, the region to emphasise (e.g. the true class), or −1
     */
    public static void intensityPanels(Path png, List<double[]> intensities, int nx, int ny, List<Box> regions,
                                       List<String> titles, int[] highlight) throws IOException {
        check(intensities, nx, ny, titles);
        if (highlight.length != intensities.size()) {
            throw new IllegalArgumentException(intensities.size() + " panels but " + highlight.length + " highlight entries");
        }
        int s = displaySize(Math.max(nx, ny));
        BufferedImage img = canvas(intensities.size(), nx, ny, s, true);
        Graphics2D g = Png.graphics(img);
        double scale = (double) s / Math.max(nx, ny);
        for (int k = 0; k < intensities.size(); k++) {
            double[] in = intensities.get(k);
            double max = 0;
            for (double v : in) {
                max = Math.max(max, v);
            }
            double inv = max > 0 ? 1 / max : 0;
            int[] origin = origin(k, nx, ny, s);
            drawPixels(img, origin, nx, ny, s, (x, y) -> ColorMap.VIRIDIS.rgb(in[y * nx + x] * inv));
            for (int r = 0; r < regions.size(); r++) {
                Box b = regions.get(r);
                boolean hi = r == highlight[k];
                g.setColor(hi ? new Color(0x00e676) : new Color(0x4fc3f7));
                g.setStroke(new BasicStroke(hi ? 2.5f : 1.2f));
                g.drawRect((int) Math.round(origin[0] + b.x0() * scale), (int) Math.round(origin[1] + b.y0() * scale),
                        (int) Math.round(b.width() * scale), (int) Math.round(b.height() * scale));
            }
            title(g, titles.get(k), origin, nx, ny, s);
        }
        colourBar(g, img, "intensity / panel max", "0", "0.5", "1", ColorMap.VIRIDIS::rgb);
        g.dispose();
        Png.write(png, img);
    }

    /** Colour of a phase (any range): the cyclic twilight map of org.phasor.io at φ mod 2π. */
    static int phaseColour(double phi) {
        double t = phi / (2 * Math.PI);
        return ColorMap.TWILIGHT.rgb(t - Math.floor(t));
    }

    @FunctionalInterface
    private interface PixelColour {
        int rgb(int x, int y);
    }

    @FunctionalInterface
    private interface Ramp {
        int rgb(double t);
    }

    private static void check(List<double[]> planes, int nx, int ny, List<String> titles) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no planes given");
        }
        if (titles.size() != planes.size()) {
            throw new IllegalArgumentException(planes.size() + " planes but " + titles.size() + " titles");
        }
        for (int k = 0; k < planes.size(); k++) {
            if (planes.get(k).length != nx * ny) {
                throw new IllegalArgumentException("plane " + k + " has " + planes.get(k).length + " values, expected "
                        + nx + "x" + ny);
            }
        }
    }

    /** Panel size in screen pixels for a plane whose larger side is {@code n}. */
    static int displaySize(int n) {
        if (n >= 160) {
            return Math.min(n, 400);
        }
        return n * (int) Math.ceil(160.0 / n);
    }

    private static BufferedImage canvas(int panels, int nx, int ny, int s, boolean bar) {
        Png.init();
        double scale = (double) s / Math.max(nx, ny);
        int pw = (int) Math.round(nx * scale);
        int ph = (int) Math.round(ny * scale);
        int cols = Math.min(PER_ROW, panels);
        int rows = (panels + PER_ROW - 1) / PER_ROW;
        int w = PAD + cols * (pw + PAD);
        int h = PAD + rows * (ph + TITLE + PAD) + (bar ? BAR : 0);
        BufferedImage img = new BufferedImage(Math.max(w, 480), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    /** Top-left corner (x, y) of panel {@code k}'s pixels. */
    private static int[] origin(int k, int nx, int ny, int s) {
        double scale = (double) s / Math.max(nx, ny);
        int pw = (int) Math.round(nx * scale);
        int ph = (int) Math.round(ny * scale);
        int col = k % PER_ROW;
        int row = k / PER_ROW;
        return new int[]{PAD + col * (pw + PAD), PAD + row * (ph + TITLE + PAD) + TITLE};
    }

    private static void drawPixels(BufferedImage img, int[] origin, int nx, int ny, int s, PixelColour c) {
        double scale = (double) s / Math.max(nx, ny);
        int pw = (int) Math.round(nx * scale);
        int ph = (int) Math.round(ny * scale);
        for (int y = 0; y < ph; y++) {
            int sy = Math.min(ny - 1, (int) (y / scale));
            for (int x = 0; x < pw; x++) {
                int sx = Math.min(nx - 1, (int) (x / scale));
                img.setRGB(origin[0] + x, origin[1] + y, c.rgb(sx, sy));
            }
        }
    }

    private static void title(Graphics2D g, String text, int[] origin, int nx, int ny, int s) {
        double scale = (double) s / Math.max(nx, ny);
        g.setColor(Color.BLACK);
        g.setFont(Png.font(13, false));
        Png.centred(g, text, origin[0] + nx * scale / 2, origin[1] - 6);
    }

    private static void colourBar(Graphics2D g, BufferedImage img, String label, String lo, String mid, String hi, Ramp ramp) {
        int w = Math.min(240, img.getWidth() - 2 * PAD);
        int x0 = (img.getWidth() - w) / 2;
        int y0 = img.getHeight() - BAR + 4;
        for (int x = 0; x < w; x++) {
            int rgb = ramp.rgb((double) x / (w - 1));
            for (int y = 0; y < 10; y++) {
                img.setRGB(x0 + x, y0 + y, rgb);
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(Png.font(11, false));
        g.drawString(lo, x0, y0 + 23);
        Png.centred(g, mid, x0 + w / 2.0, y0 + 23);
        int hw = g.getFontMetrics().stringWidth(hi);
        g.drawString(hi, x0 + w - hw, y0 + 23);
        // the bar's name goes to its left (or, on a narrow canvas, is left out rather than overlapping)
        int lw = g.getFontMetrics().stringWidth(label);
        if (x0 - lw - 10 >= 2) {
            g.drawString(label, x0 - lw - 10, y0 + 10);
        }
    }
}
