package org.phasor.cli.figures;

/**
 * A rectangle in pixels of an image (e.g. a detector region on the output plane): columns
 * {@code [x0, x0+width)}, rows {@code [y0, y0+height)}.
 */
public record Box(int x0, int y0, int width, int height) {
    public Box {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box size must be positive, got " + width + "x" + height);
        }
    }
}
