package org.phasor.photonics.ep;

import org.phasor.photonics.bench.ChipBench;

import java.util.SplittableRandom;

/**
 * The coupled-waveguide device as a {@link ChipBench}: one "core" of 2 ports whose two "heaters" are the
 * gain/loss contrast γ (pump) and the detuning δ (a heater on one guide), in cm⁻¹. Taps image the light
 * scattered out of both guides at the {@code steps + 1} planes z = s·Δz (top-view imaging with a
 * reference, the way EP experiments watch propagation). Launches from the input or output facet; detector
 * noise as in the chip benches. The coupling κ and the propagation law are hidden from the optimisers.
 *
 * <p>Tap q = 2·s + guide.
 */
public final class WaveguideChip implements ChipBench {
    private final CoupledWaveguides device;
    private final double relNoise, absNoise;
    private final SplittableRandom noise;
    private double[] step;
    private long programs, launches, frames;

    public WaveguideChip(CoupledWaveguides device, double relNoise, double absNoise, long seed) {
        this.device = device;
        this.relNoise = relNoise;
        this.absNoise = absNoise;
        this.noise = new SplittableRandom(seed);
        this.step = device.stepMatrix(0, 0);
    }

    @Override
    public int cores() {
        return 1;
    }

    @Override
    public int modes(int core) {
        return 2;
    }

    @Override
    public int heaters(int core) {
        return 2;
    }

    @Override
    public int taps(int core) {
        return 2 * (device.steps() + 1);
    }

    /** settings = {γ, δ}. */
    @Override
    public void program(int core, double[] settings) {
        if (settings.length != 2) {
            throw new IllegalArgumentException("the waveguide pair takes 2 settings (gamma, delta), got " + settings.length);
        }
        step = device.stepMatrix(settings[0], settings[1]);
        programs++;
    }

    @Override
    public Frames capture(int core, double[][] inputs, boolean fromOutput, double refAmp, double refPhase) {
        int s = device.steps();
        double[][] ports = new double[inputs.length][2];
        double[][] taps = new double[inputs.length][2 * (s + 1)];
        double rr = refAmp * Math.cos(refPhase), ri = refAmp * Math.sin(refPhase);
        for (int b = 0; b < inputs.length; b++) {
            double[] x = inputs[b].clone();
            // step matrix is symmetric, so the backward run applies the same matrix (reciprocity)
            for (int k = 0; k <= s; k++) {
                int plane = fromOutput ? s - k : k;
                taps[b][2 * plane] = detect(x[0] + rr, x[1] + ri);
                taps[b][2 * plane + 1] = detect(x[2] + rr, x[3] + ri);
                if (k < s) {
                    apply(x);
                }
            }
            ports[b][0] = detect(x[0] + rr, x[1] + ri);
            ports[b][1] = detect(x[2] + rr, x[3] + ri);
        }
        launches += inputs.length;
        frames += inputs.length;
        return new Frames(ports, taps);
    }

    private void apply(double[] x) {
        double ar = x[0], ai = x[1], br = x[2], bi = x[3];
        double[] m = step;
        x[0] = m[0] * ar - m[1] * ai + m[2] * br - m[3] * bi;
        x[1] = m[0] * ai + m[1] * ar + m[2] * bi + m[3] * br;
        x[2] = m[4] * ar - m[5] * ai + m[6] * br - m[7] * bi;
        x[3] = m[4] * ai + m[5] * ar + m[6] * bi + m[7] * br;
    }

    private double detect(double re, double im) {
        double p = re * re + im * im;
        return p + relNoise * p * noise.nextGaussian() + absNoise * noise.nextGaussian();
    }

    @Override
    public BenchCost cost() {
        return new BenchCost(programs, launches, frames);
    }
}
