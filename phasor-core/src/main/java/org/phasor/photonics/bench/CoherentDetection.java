package org.phasor.photonics.bench;

import org.phasor.bench.PhaseShifting;

/**
 * Complex port and tap fields by phase-shifting interferometry against the reference, the chip analogue of
 * phase-shifting holography (PHYSICS.md), with the same 3- or 4-step formulas ({@link PhaseShifting}).
 * Each input is scaled to unit power before launch and the measured fields scaled back (the chip is linear),
 * so small error fields are measured at full detector range — what a lab does with its modulators.
 * Detector noise therefore enters relative to the launched power.
 */
public final class CoherentDetection {
    private final int steps;
    private final double refAmp;

    public CoherentDetection(int steps, double refAmp) {
        this.steps = PhaseShifting.requireSteps(steps);
        this.refAmp = refAmp;
    }

    public int steps() {
        return steps;
    }

    /**
     * Measured fields: ports[b] (interleaved, 2·modes) and taps[b] (2·taps) written in place (taps may be
     * null).
     */
    public void measure(ChipBench bench, int core, double[][] inputs, boolean fromOutput,
                        double[][] ports, double[][] taps) {
        int b = inputs.length;
        double[] scale = new double[b];
        double[][] launch = new double[b][];
        for (int i = 0; i < b; i++) {
            double p = 0;
            for (double v : inputs[i]) {
                p += v * v;
            }
            scale[i] = p > 0 ? Math.sqrt(p) : 1;
            launch[i] = new double[inputs[i].length];
            for (int j = 0; j < launch[i].length; j++) {
                launch[i][j] = inputs[i][j] / scale[i];
            }
        }
        ChipBench.Frames[] f = new ChipBench.Frames[steps];
        for (int k = 0; k < steps; k++) {
            f[k] = bench.capture(core, launch, fromOutput, refAmp, k * Math.PI / 2);
        }
        for (int i = 0; i < b; i++) {
            combine(f, i, true, ports[i], scale[i]);
            if (taps != null) {
                combine(f, i, false, taps[i], scale[i]);
            }
        }
    }

    private void combine(ChipBench.Frames[] f, int i, boolean ports, double[] out, double scale) {
        double[] i0 = pick(f[0], i, ports), i1 = pick(f[1], i, ports), i2 = pick(f[2], i, ports);
        double[] i3 = steps == 4 ? pick(f[3], i, ports) : null;
        for (int j = 0; j < i0.length; j++) {
            double re = PhaseShifting.real(i0[j], i2[j]);
            double im = PhaseShifting.imag(steps, i0[j], i1[j], i2[j], steps == 4 ? i3[j] : 0);
            // u = (u·r*) / r*, r real and positive here
            out[2 * j] = scale * re / refAmp;
            out[2 * j + 1] = scale * im / refAmp;
        }
    }

    private static double[] pick(ChipBench.Frames f, int i, boolean ports) {
        return ports ? f.ports()[i] : f.taps()[i];
    }
}
