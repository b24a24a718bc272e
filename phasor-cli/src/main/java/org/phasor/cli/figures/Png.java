package org.phasor.cli.figures;

import org.phasor.io.AtomicWrite;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Shared helpers: headless mode, atomic PNG writing, text rendering settings. */
final class Png {
    static {
        // Figures are drawn off-screen; never try to open a display (CI, SSH sessions).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Png() {
    }

    /** Makes sure headless mode is set before any AWT class initialises. */
    static void init() {
        // the static initialiser does the work
    }

    static void write(Path file, BufferedImage img) throws IOException {
        AtomicWrite.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, Math.round(size));
    }

    /** Draws text centred on (cx, baseline y). */
    static void centred(Graphics2D g, String s, double cx, double y) {
        int w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, (float) (cx - w / 2.0), (float) y);
    }
}
