package org.phasor.cli.figures;

/** Colour maps as packed RGB ints. */
public final class ColorMaps {
    private ColorMaps() {
    }

    private static final double TWO_PI = 2 * Math.PI;

    /**
     * A cyclic map for phases: {@code φ} and {@code φ + 2π} get the same colour and the map has no seam
     * (three cosines 120° apart, so brightness is nearly constant and no phase value stands out).
     */
    public static int phase(double phi) {
        double t = phi - TWO_PI * Math.floor(phi / TWO_PI);
        double r = 0.5 + 0.5 * Math.cos(t);
        double g = 0.5 + 0.5 * Math.cos(t - TWO_PI / 3);
        double b = 0.5 + 0.5 * Math.cos(t + TWO_PI / 3);
        return rgb(r, g, b);
    }

    // Key colours of matplotlib's "inferno" at t = 0, 0.25, 0.5, 0.75, 1 (perceptually uniform, prints in grey).
    private static final double[][] INFERNO = {
            {0, 0, 4}, {87, 16, 110}, {188, 55, 84}, {249, 142, 9}, {252, 255, 164}};

    /** A sequential map for intensities, {@code t} in [0, 1] (clamped). */
    public static int inferno(double t) {
        return interpolate(INFERNO, t);
    }

    // matplotlib "Blues" end points and middle.
    private static final double[][] BLUES = {{247, 251, 255}, {107, 174, 214}, {8, 48, 107}};

    /** A light-to-dark blue map for heat maps of counts, {@code t} in [0, 1]. */
    public static int blues(double t) {
        return interpolate(BLUES, t);
    }

    private static int interpolate(double[][] keys, double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (keys.length - 1);
        int i = Math.min(keys.length - 2, (int) Math.floor(x));
        double f = x - i;
        double r = keys[i][0] + f * (keys[i + 1][0] - keys[i][0]);
        double g = keys[i][1] + f * (keys[i + 1][1] - keys[i][1]);
        double b = keys[i][2] + f * (keys[i + 1][2] - keys[i][2]);
        return rgb(r / 255, g / 255, b / 255);
    }

    private static int rgb(double r, double g, double b) {
        int ri = (int) Math.round(255 * Math.max(0, Math.min(1, r)));
        int gi = (int) Math.round(255 * Math.max(0, Math.min(1, g)));
        int bi = (int) Math.round(255 * Math.max(0, Math.min(1, b)));
        return (ri << 16) | (gi << 8) | bi;
    }
}
