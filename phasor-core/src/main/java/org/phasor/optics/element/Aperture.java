package org.phasor.optics.element;

import org.phasor.optics.Grid;

/** A hard aperture: transmission 1 at samples inside the opening, 0 elsewhere (point-sampled at sample centres). */
public final class Aperture extends DiagonalElement {
    private final String description;

    private Aperture(Grid grid, String description, Inside inside) {
        super(grid);
        this.description = description;
        for (int iy = 0; iy < grid.ny(); iy++) {
            for (int ix = 0; ix < grid.nx(); ix++) {
                if (inside.test(grid.x(ix), grid.y(iy))) {
                    t[2 * (iy * grid.nx() + ix)] = 1;
                }
            }
        }
    }

    private interface Inside {
        boolean test(double x, double y);
    }

    /** A circular opening of {@code radius} metres centred at (cx, cy) metres. */
    public static Aperture circular(Grid grid, double radius, double cx, double cy) {
        positive("aperture radius", radius);
        double r2 = radius * radius;
        return new Aperture(grid, "circle r=" + radius + " m",
                (x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2);
    }

    /** A circular opening centred on the optical axis. */
    public static Aperture circular(Grid grid, double radius) {
        return circular(grid, radius, 0, 0);
    }

    /** A rectangular opening {@code width × height} metres centred at (cx, cy). */
    public static Aperture rectangular(Grid grid, double width, double height, double cx, double cy) {
        positive("aperture width", width);
        positive("aperture height", height);
        return new Aperture(grid, "rectangle " + width + " m x " + height + " m",
                (x, y) -> Math.abs(x - cx) <= width / 2 && Math.abs(y - cy) <= height / 2);
    }

    /** A rectangular opening centred on the optical axis. */
    public static Aperture rectangular(Grid grid, double width, double height) {
        return rectangular(grid, width, height, 0, 0);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite number of metres, got " + v);
        }
    }

    /** Number of open samples. */
    public int openSamples() {
        int n = 0;
        for (int i = 0; i < t.length; i += 2) {
            n += t[i] != 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public String toString() {
        return "Aperture[" + description + "]";
    }
}
