package org.phasor.photonics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How heater commands become optical phases on a real chip: the command (radians, what the trainer programs)
 * is wrapped into [0, 2π) and quantised by the driver DAC (2^bits levels), scaled by a per-heater gain error
 * (phase-shifter efficiency), offset by the residual phase error left after calibration, and leaks into the
 * neighbouring heaters of the same column (thermal crosstalk, a fraction {@code crosstalk} of their phase):
 * <pre>φ_h = gain_h·q(s_h) + offset_h + crosstalk·Σ_{j ∈ nbr(h)} q(s_j) + drift_h</pre>
 * The drift term is supplied by the caller (it evolves in time on a bench). The ideal response is the
 * identity.
 *
 * @param gain      per-heater gain (1 = ideal)
 * @param offset    per-heater phase offset in radians
 * @param bits      DAC bits over one 2π range; 0 = no quantisation
 * @param crosstalk fraction of a neighbour's phase that appears at a heater
 * @param neighbours for each heater, the heaters next to it on the chip
 */
public record HeaterResponse(double[] gain, double[] offset, int bits, double crosstalk, int[][] neighbours) {

    public static HeaterResponse ideal(int heaters) {
        double[] g = new double[heaters];
        java.util.Arrays.fill(g, 1);
        return new HeaterResponse(g, new double[heaters], 0, 0, new int[heaters][0]);
    }

    /**
     * Random response for a mesh: gain 1 + N(0, gainSigma), offset N(0, offsetSigma) rad, neighbours =
     * heaters of the same kind (θ, φ or output) on adjacent MZIs of the same column.
     */
    public static HeaterResponse random(MeshLayout layout, double gainSigma, double offsetSigma, int bits,
                                        double crosstalk, SplittableRandom rng) {
        int h = layout.heaters();
        double[] g = new double[h], o = new double[h];
        for (int i = 0; i < h; i++) {
            g[i] = 1 + gainSigma * rng.nextGaussian();
            o[i] = offsetSigma * rng.nextGaussian();
        }
        return new HeaterResponse(g, o, bits, crosstalk, neighbours(layout));
    }

    static int[][] neighbours(MeshLayout layout) {
        List<List<Integer>> nb = new ArrayList<>();
        for (int i = 0; i < layout.heaters(); i++) {
            nb.add(new ArrayList<>());
        }
        // MZI at (column, upper mode) → index; adjacent MZIs of a column couple modes two apart
        int[][] at = new int[layout.columns()][layout.modes()];
        for (int[] row : at) {
            java.util.Arrays.fill(row, -1);
        }
        for (int k = 0; k < layout.mzis(); k++) {
            at[layout.column()[k]][layout.mode()[k]] = k;
        }
        for (int c = 0; c < layout.columns(); c++) {
            for (int m = 0; m + 2 < layout.modes(); m++) {
                int k = at[c][m], j = at[c][m + 2];
                if (k >= 0 && j >= 0) {
                    link(nb, layout.thetaHeater(k), layout.thetaHeater(j));
                    link(nb, layout.phiHeater(k), layout.phiHeater(j));
                }
            }
        }
        for (int i = 0; i + 1 < layout.modes(); i++) {
            link(nb, layout.outputHeater(i), layout.outputHeater(i + 1));
        }
        int[][] out = new int[nb.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = nb.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static void link(List<List<Integer>> nb, int a, int b) {
        if (!nb.get(a).contains(b)) {
            nb.get(a).add(b);
            nb.get(b).add(a);
        }
    }

    public int heaters() {
        return gain.length;
    }

    /** The command as the DAC delivers it: wrapped to [0, 2π), rounded to the nearest of 2^bits levels. */
    public double quantise(double setting) {
        double w = Mzi.wrap(setting);
        if (bits <= 0) {
            return w;
        }
        int levels = 1 << bits;
        double step = 2 * Math.PI / levels;
        return (Math.rint(w / step) % levels) * step;   // the level just below 2π rounds up to 0, not past the range
    }

    /** Phases for the given commands; {@code drift} may be null. Writes {@code phases}. */
    public void phases(double[] settings, double[] drift, double[] phases) {
        int h = heaters();
        if (settings.length != h) {
            throw new IllegalArgumentException("expected " + h + " heater settings, got " + settings.length);
        }
        for (int i = 0; i < h; i++) {
            double p = gain[i] * quantise(settings[i]) + offset[i];
            for (int j : neighbours[i]) {
                p += crosstalk * quantise(settings[j]);
            }
            phases[i] = drift == null ? p : p + drift[i];
        }
    }
}
