package org.phasor.model;

import java.util.Arrays;

/**
 * A phase SLM driven by a (continuous) drive level x ∈ [0, levels−1]: the phase is the look-up table φ(k)
 * interpolated linearly between integer levels, t = e^{iφ(x)}. The trainable parameter is the level, so
 * training works in device units; ∂t/∂x = i·t·φ'(x) with φ' the slope of the current LUT segment. Levels
 * outside the range are clamped (and get zero derivative, as the device does not respond to them).
 */
public record SlmModulation(double[] lut) implements Modulation {

    public SlmModulation {
        if (lut.length < 2) {
            throw new IllegalArgumentException("SLM look-up table needs at least 2 levels, got " + lut.length);
        }
        lut = lut.clone();
    }

    /** A linear SLM: {@code levels} levels spanning {@code range} radians (φ(k) = range·k/levels). */
    public static SlmModulation linear(int levels, double range) {
        double[] lut = new double[levels];
        for (int k = 0; k < levels; k++) {
            lut[k] = range * k / levels;
        }
        return new SlmModulation(lut);
    }

    public int levels() {
        return lut.length;
    }

    /** The phase φ(x) for a drive level x (clamped to the LUT range). */
    public double phase(double x) {
        int n = lut.length;
        double c = Math.clamp(x, 0, n - 1);
        int k = Math.min((int) Math.floor(c), n - 2);
        return lut[k] + (c - k) * (lut[k + 1] - lut[k]);
    }

    @Override
    public int paramsPerPixel() {
        return 1;
    }

    @Override
    public void transmission(double[] params, double[] t, double[] dt, int from, int to) {
        int n = lut.length;
        for (int p = from; p < to; p++) {
            double x = params[p];
            double c = Math.clamp(x, 0, n - 1);
            int k = Math.min((int) Math.floor(c), n - 2);
            double slope = lut[k + 1] - lut[k];
            double phi = lut[k] + (c - k) * slope;
            double d = (x < 0 || x > n - 1) ? 0 : slope;
            double cs = Math.cos(phi);
            double sn = Math.sin(phi);
            t[2 * p] = cs;
            t[2 * p + 1] = sn;
            dt[2 * p] = -sn * d;
            dt[2 * p + 1] = cs * d;
        }
    }

    @Override
    public String name() {
        return "slm";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlmModulation s && Arrays.equals(lut, s.lut);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lut);
    }

    @Override
    public String toString() {
        return "SlmModulation[" + lut.length + " levels, φ(0)=" + lut[0] + ", φ(max)=" + lut[lut.length - 1] + "]";
    }
}
