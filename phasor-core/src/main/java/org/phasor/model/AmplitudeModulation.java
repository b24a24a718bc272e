package org.phasor.model;

/**
 * Amplitude-only modulation t = a with a real parameter a (an amplitude SLM or a printed absorbing mask).
 * A passive element has 0 ≤ a ≤ 1; keeping a inside that range is the optimiser's job (bounded parameters).
 */
public record AmplitudeModulation() implements Modulation {
    public static final AmplitudeModulation INSTANCE = new AmplitudeModulation();

    @Override
    public int paramsPerPixel() {
        return 1;
    }

    @Override
    public void transmission(double[] params, double[] t, double[] dt, int from, int to) {
        for (int p = from; p < to; p++) {
            t[2 * p] = params[p];
            t[2 * p + 1] = 0;
            dt[2 * p] = 1;
            dt[2 * p + 1] = 0;
        }
    }

    @Override
    public double[] identityParams(int pixels) {
        double[] a = new double[pixels];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    @Override
    public String name() {
        return "amplitude";
    }
}
