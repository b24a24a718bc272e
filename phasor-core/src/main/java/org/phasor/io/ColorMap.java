package org.phasor.io;

/**
 * Colour maps for images, as piecewise-linear interpolation between key colours.
 * <ul>
 *   <li>{@link #VIRIDIS}: perceptually uniform, for intensities (matplotlib's viridis at 10 stops).</li>
 *   <li>{@link #TWILIGHT}: cyclic (the same colour at 0 and 1), for phases mapped from [−π, π]: light at ±π, dark
 *       at 0, blue below and red above 0 — an approximation of matplotlib's twilight.</li>
 *   <li>{@link #GRAY}: black to white.</li>
 * </ul>
 */
public enum ColorMap {
    VIRIDIS(0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725),
    TWILIGHT(0xe2d9e2, 0x9fb3cc, 0x6181bb, 0x5a469e, 0x2f1436, 0x6a2050, 0xa8464e, 0xcc937a, 0xe2d9e2),
    GRAY(0x000000, 0xffffff);

    private final int[] stops;

    ColorMap(int... stops) {
        this.stops = stops;
    }

    /** RGB (0xRRGGBB) at {@code t} in [0, 1] (clamped; NaN gives black). */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        double u = Math.min(1, Math.max(0, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) u);
        double f = u - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return r << 16 | g << 8 | bl;
    }
}
