package org.phasor.model;

/**
 * Free complex modulation t = re + i·im, two real parameters per pixel stored (re, im) interleaved. Models an
 * ideal complex modulator (e.g. two cascaded SLMs or a metasurface); passivity |t| ≤ 1 is not enforced.
 */
public record ComplexModulation() implements Modulation {
    public static final ComplexModulation INSTANCE = new ComplexModulation();

    @Override
    public int paramsPerPixel() {
        return 2;
    }

    @Override
    public void transmission(double[] params, double[] t, double[] dt, int from, int to) {
        for (int p = from; p < to; p++) {
            t[2 * p] = params[2 * p];
            t[2 * p + 1] = params[2 * p + 1];
            dt[4 * p] = 1; // ∂t/∂re = 1
            dt[4 * p + 1] = 0;
            dt[4 * p + 2] = 0; // ∂t/∂im = i
            dt[4 * p + 3] = 1;
        }
    }

    @Override
    public double[] identityParams(int pixels) {
        double[] a = new double[2 * pixels];
        for (int p = 0; p < pixels; p++) {
            a[2 * p] = 1.0;
        }
        return a;
    }

    @Override
    public String name() {
        return "complex";
    }
}
