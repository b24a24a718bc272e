package org.phasor.optics.detect;

/** A rectangle of detector pixels: columns [x0, x0+width), rows [y0, y0+height). */
public record Region(int x0, int y0, int width, int height) {
    public Region {
        if (width <= 0 || height <= 0 || x0 < 0 || y0 < 0) {
            throw new IllegalArgumentException("detector region needs x0, y0 ≥ 0 and a positive size, got x0=" + x0
                    + " y0=" + y0 + " width=" + width + " height=" + height);
        }
    }

    public boolean contains(int x, int y) {
        return x >= x0 && x < x0 + width && y >= y0 && y < y0 + height;
    }
}
