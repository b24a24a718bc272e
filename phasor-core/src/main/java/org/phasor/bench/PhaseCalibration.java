package org.phasor.bench;

import java.util.Arrays;

/**
 * Measures a modulator's level→phase response the way a lab does: light the bench with a flat input, hold
 * every modulator at level 0, then program the left half of modulator m to level ℓ (the right half stays at 0)
 * and measure the field just after it by holography; relative to a baseline with everything at 0, the phase
 * difference between the halves is the delay of level ℓ. The split screen makes the result immune to drift of
 * the reference arm between measurements, and half-planes make it insensitive to where the modulator sits.
 * Levels are sampled every {@code stride}, unwrapped, and linearly interpolated in between.
 */
public final class PhaseCalibration {
    private PhaseCalibration() {
    }

    public static PhaseResponse measure(Bench bench, Holography holo, int modulator, int stride) {
        BenchDescription d = bench.describe();
        int nx = d.nx();
        int n = d.planeSize();
        Injection flat = flatBench(bench);
        double[] base = holo.measure(bench, flat, modulator).reIm();
        int levels = d.levels();
        int[] sampled = sampledLevels(levels, stride);
        double[] phase = new double[sampled.length];
        double prev = 0;
        int[] pattern = new int[n];
        int margin = 4; // keep away from the split, where crosstalk and misalignment mix the halves
        for (int s = 0; s < sampled.length; s++) {
            // split screen: left half at the level, right half at 0; the right half is the phase reference, so
            // reference-arm drift between this measurement and the baseline cancels
            for (int i = 0; i < n; i++) {
                pattern[i] = i % nx < nx / 2 ? sampled[s] : 0;
            }
            bench.program(modulator, pattern);
            double[] u = holo.measure(bench, flat, modulator).reIm();
            double[] left = new double[2];
            double[] right = new double[2];
            for (int i = 0; i < n; i++) {
                int x = i % nx;
                double[] acc = x < nx / 2 - margin ? left : x >= nx / 2 + margin ? right : null;
                if (acc != null) {
                    acc[0] += u[2 * i] * base[2 * i] + u[2 * i + 1] * base[2 * i + 1];
                    acc[1] += u[2 * i + 1] * base[2 * i] - u[2 * i] * base[2 * i + 1];
                }
            }
            double p = Math.atan2(left[1], left[0]) - Math.atan2(right[1], right[0]);
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

    /**
     * The calibration procedures' start: every modulator programmed flat (level 0); returns the flat input to
     * launch.
     */
    static Injection flatBench(Bench bench) {
        BenchDescription d = bench.describe();
        for (int m = 1; m <= d.modulators(); m++) {
            bench.program(m, new int[d.planeSize()]);
        }
        return flatInput(d);
    }

    /**
     * {re, im} of Σ u·conj(b) over one measured plane (interleaved): its phase is the common phase by which u
     * differs from b, e.g. the reference arm's drift between two measurements of mostly the same field.
     */
    static double[] overlap(double[] u, double[] b) {
        double cr = 0;
        double ci = 0;
        for (int i = 0; i < u.length; i += 2) {
            cr += u[i] * b[i] + u[i + 1] * b[i + 1];
            ci += u[i + 1] * b[i] - u[i] * b[i + 1];
        }
        return new double[]{cr, ci};
    }

    /** One flat input (unit amplitude everywhere on the input modulator). */
    static Injection flatInput(BenchDescription d) {
        double[] ones = new double[d.planeSize()];
        Arrays.fill(ones, 1);
        return Injection.inputs(ComplexFrames.ofAmplitudes(1, d.ny(), d.nx(), ones));
    }
}
