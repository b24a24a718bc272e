package org.phasor.task.scattering;

import org.phasor.train.loss.IntensityMse;

/**
 * The loss of focusing and imaging through scatterers: the FFM authors' shape-only intensity error
 * ({@link IntensityMse.Mode#SCALE_FIT}, the best scalar s fitted per frame) normalised by the target's energy,
 * L = Σ_p (s·I_p − T_p)² / Σ_p T_p², averaged over the batch. 0 is a perfect match; 1 is what a frame with no
 * overlap with the target scores (s = 0), so values compare across targets and geometries.
 */
public final class TargetImageLoss {
    private static final IntensityMse FIT = new IntensityMse(IntensityMse.Mode.SCALE_FIT);

    private TargetImageLoss() {
    }

    /**
     * @param targets {@code [batch][pixels]} flat
     * @param dLdI    output ∂L/∂I, same layout
     */
    public static double lossAndGradient(double[] intensity, double[] targets, int batch, int pixels, double[] dLdI) {
        double total = 0;
        double[] g = new double[pixels];
        double[] one = new double[pixels];
        double[] t = new double[pixels];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(intensity, b * pixels, one, 0, pixels);
            System.arraycopy(targets, b * pixels, t, 0, pixels);
            double tt = 0;
            for (double v : t) {
                tt += v * v;
            }
            double norm = tt > 0 ? pixels / tt : 0; // IntensityMse MEAN-style value is (1/P)·Σ(sI − T)²
            total += FIT.lossAndGradient(one, t, 1, pixels, g) * norm;
            for (int p = 0; p < pixels; p++) {
                dLdI[b * pixels + p] = g[p] * norm / batch;
            }
        }
        return total / batch;
    }
}
