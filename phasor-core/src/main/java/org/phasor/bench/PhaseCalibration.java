package org.phasor.bench;

import java.util.Arrays;

/**
 * Measures a modulator's level→phase response the way a lab does: light the bench with a flat input, hold
 * every modulator at level 0, then program modulator m uniformly to level ℓ and measure the field just after it
 * by holography; the phase of Σ u_ℓ·conj(u_0) is the delay of level ℓ. A uniform pattern makes the result
 * independent of where the modulator sits. Levels are sampled every {@code stride}, unwrapped, and linearly
 * interpolated in between.
 */
public final class PhaseCalibration {
    private PhaseCalibration() {
    }

    public static PhaseResponse measure(Bench bench, Holography holo, int modulator, int stride) {
        BenchDescription d = bench.describe();
        int n = d.planeSize();
        Injection flat = flatInput(d);
        for (int m = 1; m <= d.modulators(); m++) {
            bench.program(m, new int[n]);
        }
        double[] base = holo.measure(bench, flat, modulator).reIm();
        int levels = d.levels();
        int[] sampled = sampledLevels(levels, stride);
        double[] phase = new double[sampled.length];
        double prev = 0;
        int[] pattern = new int[n];
        for (int s = 0; s < sampled.length; s++) {
            Arrays.fill(pattern, sampled[s]);
            bench.program(modulator, pattern);
            double[] u = holo.measure(bench, flat, modulator).reIm();
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                re += u[2 * i] * base[2 * i] + u[2 * i + 1] * base[2 * i + 1];
                im += u[2 * i + 1] * base[2 * i] - u[2 * i] * base[2 * i + 1];
            }
            double p = Math.atan2(im, re);
            // unwrap: the response rises slowly between sampled levels, so the step is the one in (−π, π]
            p = prev + Math.IEEEremainder(p - prev, 2 * Math.PI);
            phase[s] = s == 0 ? 0 : p;
            prev = phase[s];
        }
        bench.program(modulator, new int[n]);
        double[] all = new double[levels];
        for (int s = 0; s + 1 < sampled.length; s++) {
            int l0 = sampled[s];
            int l1 = sampled[s + 1];
            for (int l = l0; l <= l1; l++) {
                all[l] = phase[s] + (phase[s + 1] - phase[s]) * (l - l0) / (double) (l1 - l0);
            }
        }
        return new PhaseResponse(all);
    }

    static int[] sampledLevels(int levels, int stride) {
        int count = (levels - 1 + stride - 1) / stride + 1;
        int[] s = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = Math.min(i * stride, levels - 1);
        }
        return s;
    }

    /** One flat input (unit amplitude everywhere on the input modulator). */
    static Injection flatInput(BenchDescription d) {
        double[] ones = new double[d.planeSize()];
        Arrays.fill(ones, 1);
        return Injection.inputs(ComplexFrames.ofAmplitudes(1, d.ny(), d.nx(), ones));
    }
}
