package org.phasor.io;

import org.phasor.math.ComplexArray;
import org.phasor.optics.Field;
import org.phasor.optics.Grid;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * PNG pictures of fields: intensity (viridis, linear from 0 to the maximum) and phase (cyclic twilight, −π to π),
 * each with x/y axes in millimetres (from the grid's sample positions) and a colour bar. Small grids are
 * magnified by an integer factor so each sample stays a crisp square.
 */
public final class FieldImages {
    private static final int TARGET = 480;
    private static final int LEFT = 62;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;
    private static final int RIGHT = 92;

    static {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    }

    private FieldImages() {
    }

    /** One panel's content: ny×nx values, the colour range and labels. */
    public record Panel(String title, double[] values, double min, double max, ColorMap map, String barLow,
                        String barHigh) {
    }

    /** Intensity |u|² of batch item {@code b}. */
    public static Panel intensity(Field f, int b, String title) {
        double[] v = values(f.data().item(b), true);
        double max = 0;
        for (double x : v) {
            max = Math.max(max, x);
        }
        return new Panel(title, v, 0, max > 0 ? max : 1, ColorMap.VIRIDIS, "0",
                String.format(Locale.ROOT, "%.3g", max));
    }

    /** Phase arg(u) in (−π, π] of batch item {@code b}. */
    public static Panel phase(Field f, int b, String title) {
        return new Panel(title, values(f.data().item(b), false), -Math.PI, Math.PI, ColorMap.TWILIGHT, "−π", "π");
    }

    /** A real map (e.g. a phase mask in radians) with an explicit range and colour map. */
    public static Panel map(String title, double[] values, double min, double max, ColorMap cmap) {
        return new Panel(title, values, min, max, cmap, String.format(Locale.ROOT, "%.3g", min),
                String.format(Locale.ROOT, "%.3g", max));
    }

    /** Writes the intensity of item 0 as a PNG (atomically). */
    public static void writeIntensity(Path png, Field f, String title) throws IOException {
        write(png, f.grid(), intensity(f, 0, title));
    }

    /** Writes the phase of item 0 as a PNG (atomically). */
    public static void writePhase(Path png, Field f, String title) throws IOException {
        write(png, f.grid(), phase(f, 0, title));
    }

    /** Writes intensity and phase of item 0 side by side. */
    public static void writeIntensityAndPhase(Path png, Field f, String title) throws IOException {
        write(png, f.grid(), intensity(f, 0, title + ": intensity"), phase(f, 0, title + ": phase"));
    }

    /** Writes the panels side by side, all on {@code grid}'s axes. */
    public static void write(Path png, Grid grid, Panel... panels) throws IOException {
        BufferedImage img = render(grid, panels);
        AtomicWrite.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }

    /** Renders the panels side by side. */
    public static BufferedImage render(Grid grid, Panel... panels) {
        int nx = grid.nx();
        int ny = grid.ny();
        int mag = Math.max(1, TARGET / Math.max(nx, ny));
        int pw = nx * mag;
        int ph = ny * mag;
        int panelW = LEFT + pw + RIGHT;
        int height = TOP + ph + BOTTOM;
        BufferedImage img = new BufferedImage(panelW * panels.length, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int p = 0; p < panels.length; p++) {
            Panel panel = panels[p];
            if (panel.values().length != nx * ny) {
                throw new IllegalArgumentException("image panel '" + panel.title() + "' has " + panel.values().length
                        + " values, grid " + grid.describe() + " needs " + nx * ny);
            }
            int ox = p * panelW + LEFT;
            double span = panel.max() - panel.min();
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double t = span > 0 ? (panel.values()[y * nx + x] - panel.min()) / span : 0;
                    int rgb = panel.map().rgb(t);
                    for (int my = 0; my < mag; my++) {
                        for (int mx = 0; mx < mag; mx++) {
                            // row 0 (most negative y) at the bottom, as on a plot
                            img.setRGB(ox + x * mag + mx, TOP + (ny - 1 - y) * mag + my, rgb);
                        }
                    }
                }
            }
            // colour bar
            int bx = ox + pw + 14;
            int bw = 14;
            for (int yy = 0; yy < ph; yy++) {
                int rgb = panel.map().rgb(1 - (double) yy / Math.max(1, ph - 1));
                for (int xx = 0; xx < bw; xx++) {
                    img.setRGB(bx + xx, TOP + yy, rgb);
                }
            }
            decorate(g, grid, panel, ox, pw, ph, bx, bw);
        }
        g.dispose();
        return img;
    }

    /** Frame, axis ticks in mm, title and colour-bar labels. Text needs fonts; without them the picture stays unlabelled. */
    private static void decorate(Graphics2D g, Grid grid, Panel panel, int ox, int pw, int ph, int bx, int bw) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(ox - 1, TOP - 1, pw + 1, ph + 1);
        g.drawRect(bx - 1, TOP - 1, bw + 1, ph + 1);
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            // extent of the samples, mm (each sample covers ±d/2 around its position)
            double x0 = (grid.x(0) - grid.dx() / 2) * 1e3;
            double x1 = (grid.x(grid.nx() - 1) + grid.dx() / 2) * 1e3;
            double y0 = (grid.y(0) - grid.dy() / 2) * 1e3;
            double y1 = (grid.y(grid.ny() - 1) + grid.dy() / 2) * 1e3;
            double step = niceStep((x1 - x0) / 5);
            for (double v = Math.ceil(x0 / step) * step; v <= x1 + 1e-9 * step; v += step) {
                int px = ox + (int) Math.round((v - x0) / (x1 - x0) * pw);
                g.drawLine(px, TOP + ph, px, TOP + ph + 4);
                String s = label(v, step);
                g.drawString(s, px - fm.stringWidth(s) / 2, TOP + ph + 16);
            }
            double stepY = niceStep((y1 - y0) / 5);
            for (double v = Math.ceil(y0 / stepY) * stepY; v <= y1 + 1e-9 * stepY; v += stepY) {
                int py = TOP + ph - (int) Math.round((v - y0) / (y1 - y0) * ph);
                g.drawLine(ox - 5, py, ox - 1, py);
                String s = label(v, stepY);
                g.drawString(s, ox - 8 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
            }
            String xl = "x (mm)";
            g.drawString(xl, ox + pw / 2 - fm.stringWidth(xl) / 2, TOP + ph + 34);
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            r.drawString("y (mm)", -(TOP + ph / 2) - fm.stringWidth("y (mm)") / 2, ox - 46);
            r.dispose();
            g.drawString(panel.barHigh(), bx + bw + 4, TOP + fm.getAscent());
            g.drawString(panel.barLow(), bx + bw + 4, TOP + ph);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(panel.title(), ox, TOP - 10);
        } catch (RuntimeException | Error noFonts) {
            // headless JDKs without fontconfig fonts throw here (InternalError, UnsatisfiedLinkError): the
            // image content and frame are still right, only the labels are missing
        }
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private static String label(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-6 ? 0.0 : v);
        return s.replace('-', '−');
    }

    private static double[] values(ComplexArray item, boolean intensity) {
        double[] v = new double[item.itemSize()];
        for (int i = 0; i < v.length; i++) {
            double re = item.re(i);
            double im = item.im(i);
            v[i] = intensity ? re * re + im * im : Math.atan2(im, re);
        }
        return v;
    }
}
