package org.phasor.train.loss;

/**
 * Softmax cross-entropy on scaled region energies.
 *
 * <p>Logits are {@code z_k = scale · E_k / S} with {@code S = Σ_j E_j} when {@code normalised} (the default:
 * the loss is then independent of the input power and of the detector's absolute sensitivity, and
 * {@code scale} is an inverse temperature: with scale 10 a sample putting all its light into the right region
 * reaches probability e^10/(e^10+9) ≈ 0.9996), or {@code z_k = scale · E_k} when not normalised (then
 * {@code scale} must match the energy units). {@code L = −log softmax(z)_label}, averaged over the batch.
 *
 * <p>Gradient: with {@code g = softmax(z) − onehot}, {@code ∂L/∂E_j = (scale/S)·(g_j − Σ_k g_k·E_k/S)} when
 * normalised, {@code scale·g_j} otherwise (then divided by the batch size). A completely dark output
 * ({@code S = 0}) has no defined direction: its loss is {@code log(classes)} and its gradient zero.
 *
 * @param scale      inverse temperature (&gt; 0)
 * @param normalised divide energies by their sum over regions first
 */
public record SoftmaxCrossEntropy(double scale, boolean normalised) implements ClassificationLoss {

    public SoftmaxCrossEntropy {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("cross-entropy scale must be a positive number, got " + scale);
        }
    }

    /** Normalised energies with inverse temperature {@code scale}. */
    public static SoftmaxCrossEntropy normalised(double scale) {
        return new SoftmaxCrossEntropy(scale, true);
    }

    @Override
    public double sample(double[] e, int off, int classes, int y, double[] grad, int goff, double weight) {
        double s = 1;
        if (normalised) {
            s = 0;
            for (int k = 0; k < classes; k++) {
                s += e[off + k];
            }
            if (!(s > 0)) {
                java.util.Arrays.fill(grad, goff, goff + classes, 0.0);
                return Math.log(classes);
            }
        }
        double f = scale / s;
        double zmax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            zmax = Math.max(zmax, f * e[off + k]);
        }
        double sumExp = 0;
        for (int k = 0; k < classes; k++) {
            double x = Math.exp(f * e[off + k] - zmax);
            grad[goff + k] = x; // softmax numerators, normalised below
            sumExp += x;
        }
        double loss = -(f * e[off + y] - zmax - Math.log(sumExp));
        double gp = 0; // Σ g_k p_k with g = softmax − onehot
        for (int k = 0; k < classes; k++) {
            double g = grad[goff + k] / sumExp - (k == y ? 1 : 0);
            grad[goff + k] = g;
            gp += g * e[off + k] / s;
        }
        for (int k = 0; k < classes; k++) {
            grad[goff + k] = weight * f * (normalised ? grad[goff + k] - gp : grad[goff + k]);
        }
        return loss;
    }

    @Override
    public String describe() {
        return "cross-entropy(scale=" + scale + (normalised ? ", normalised" : "") + ")";
    }
}
