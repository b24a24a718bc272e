package org.phasor.sim;

import java.util.SplittableRandom;

/**
 * Turns intensities into what a camera reports: photons (Poisson) detected with the quantum efficiency, read
 * noise, saturation at the full well, ADC quantisation, then division by the known gain so the frame is back in
 * intensity units. Dark counts add Poisson events whatever the light. A profile with {@code photonsPerUnit = 0} is
 * an exact camera (frames = intensities).
 *
 * <p>Normal deviates come from {@link SplittableRandom#nextGaussian()} (a ziggurat, exact), not Box–Muller: a
 * full-size FFM step reads ~12 million pixels with two deviates each, and the log/sqrt/cos of Box–Muller was a
 * quarter of the step (FfmStepBenchmark, lab profile). The lab's realisation keeps its own Box–Muller draws, so
 * every lab seed is still the same lab.
 */
final class Camera {
    private final Imperfections imp;

    Camera(Imperfections imp) {
        this.imp = imp;
    }

    /**
     * Replaces each intensity in {@code frame[from, from+n)} by a noisy reading at {@code exposure} times the
     * nominal exposure, using {@code rnd}.
     */
    void read(double[] frame, int from, int n, double exposure, SplittableRandom rnd) {
        if (imp.exactCamera()) {
            return;
        }
        double gain = imp.photonsPerUnit() * imp.quantumEfficiency() * exposure; // electrons per unit intensity
        double full = imp.fullWellE();
        double step = imp.adcBits() > 0 && full > 0 && !imp.photonCounting() ? full / (1L << imp.adcBits()) : 0;
        for (int i = from; i < from + n; i++) {
            double mean = Math.max(0, frame[i]) * gain;
            double e = poisson(mean + imp.darkCounts(), rnd);
            if (!imp.photonCounting()) {
                e += imp.readNoiseE() * rnd.nextGaussian();
            }
            if (full > 0) {
                e = Math.clamp(e, 0, full);
            }
            if (step > 0) {
                e = Math.round(e / step) * step;
            }
            frame[i] = e / gain;
        }
    }

    /** The reading at which the camera clips at {@code exposure}: the full well over the gain (∞ if none). */
    double fullScale(double exposure) {
        if (imp.exactCamera() || imp.fullWellE() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return imp.fullWellE() / (imp.photonsPerUnit() * imp.quantumEfficiency() * exposure);
    }

    static double poisson(double mean, SplittableRandom rnd) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            // normal approximation, rounded to whole photo-electrons (error ≪ the noise itself at this level)
            return Math.max(0, Math.rint(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
