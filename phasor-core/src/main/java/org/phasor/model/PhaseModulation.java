package org.phasor.model;

/** Phase-only modulation t = e^{iφ}: the parameter is the phase φ in radians (unbounded; 2π-periodic). */
public record PhaseModulation() implements Modulation {
    public static final PhaseModulation INSTANCE = new PhaseModulation();

    @Override
    public int paramsPerPixel() {
        return 1;
    }

    @Override
    public void transmission(double[] params, double[] t, double[] dt, int from, int to) {
        for (int p = from; p < to; p++) {
            double c = Math.cos(params[p]);
            double s = Math.sin(params[p]);
            t[2 * p] = c;
            t[2 * p + 1] = s;
            dt[2 * p] = -s; // ∂t/∂φ = i·t
            dt[2 * p + 1] = c;
        }
    }

    @Override
    public String name() {
        return "phase";
    }
}
