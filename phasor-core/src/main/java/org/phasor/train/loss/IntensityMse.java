package org.phasor.train.loss;

/**
 * Squared error between output intensities and a target image, for focusing, imaging, and classification
 * by a target pattern (the FFM authors' detector mask).
 *
 * <ul>
 *   <li>{@link Mode#SUM}: {@code L = Σ_p (I_p − T_p)²} per sample.</li>
 *   <li>{@link Mode#MEAN}: the same divided by the number of pixels P (PyTorch's {@code mse_loss}).</li>
 *   <li>{@link Mode#SCALE_FIT}: {@code L = (1/P)·Σ_p (s·I_p − T_p)²} with the optimal scalar
 *       {@code s = ⟨I,T⟩/⟨I,I⟩} fitted per sample, the loss of the FFM authors' code (Xue et al. 2024): it asks
 *       only for the <em>shape</em> of the intensity, not its absolute level, which a camera cannot know.
 *       Because {@code s} minimises the error, its own dependence on {@code I} drops out of the gradient
 *       (envelope theorem): {@code ∂L/∂I_p = (2/P)·s·(s·I_p − T_p)}, exactly what the authors get by detaching
 *       {@code s}. A dark output ({@code ⟨I,I⟩ = 0}) uses {@code s = 0}.</li>
 * </ul>
 * All modes average over the batch.
 *
 * @param mode which variant
 */
public record IntensityMse(Mode mode) {

    /** The variant of the intensity error. */
    public enum Mode { SUM, MEAN, SCALE_FIT }

    /**
     * Computes the mean loss over the batch and writes {@code ∂L/∂I}.
     *
     * @param intensity {@code [batch][pixels]} flat
     * @param target    {@code [batch][pixels]}, or a single {@code [pixels]} image shared by all samples
     * @param batch     number of samples
     * @param pixels    pixels per sample
     * @param grad      output {@code ∂L/∂I}, {@code [batch][pixels]} (overwritten)
     * @return the loss averaged over the batch
     */
    public double lossAndGradient(double[] intensity, double[] target, int batch, int pixels, double[] grad) {
        if (batch <= 0 || pixels <= 0) {
            throw new IllegalArgumentException("batch and pixels must be positive, got " + batch + " and " + pixels);
        }
        long n = (long) batch * pixels;
        boolean shared = target.length == pixels && batch > 1;
        if (intensity.length < n || grad.length < n || (!shared && target.length < n)) {
            throw new IllegalArgumentException("intensity loss inputs too short for batch " + batch + " x " + pixels
                    + " pixels: intensity " + intensity.length + ", target " + target.length + ", grad " + grad.length);
        }
        double invB = 1.0 / batch;
        double total = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * pixels;
            int to = shared ? 0 : o;
            double s = 1;
            if (mode == Mode.SCALE_FIT) {
                double it = 0;
                double ii = 0;
                for (int p = 0; p < pixels; p++) {
                    it += intensity[o + p] * target[to + p];
                    ii += intensity[o + p] * intensity[o + p];
                }
                s = ii > 0 ? it / ii : 0;
            }
            double norm = mode == Mode.SUM ? 1 : 1.0 / pixels;
            double sum = 0;
            for (int p = 0; p < pixels; p++) {
                double r = s * intensity[o + p] - target[to + p];
                sum += r * r;
                grad[o + p] = invB * norm * 2 * s * r;
            }
            total += norm * sum;
        }
        return total * invB;
    }

    public String describe() {
        return "intensity MSE (" + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")";
    }
}
