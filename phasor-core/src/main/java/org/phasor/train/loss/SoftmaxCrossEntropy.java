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
    public double lossAndGradient(double[] energies, int batch, int classes, int[] labels, double[] grad) {
        ClassificationLoss.checkShapes(energies, batch, classes, labels, grad);
        double total = 0;
        double invB = 1.0 / batch;
        for (int b = 0; b < batch; b++) {
            int o = b * classes;
            double s = 1;
            if (normalised) {
                s = 0;
                for (int k = 0; k < classes; k++) {
                    s += energies[o + k];
                }
                if (!(s > 0)) {
                    total += Math.log(classes);
                    java.util.Arrays.fill(grad, o, o + classes, 0.0);
                    continue;
                }
            }
            double f = scale / s;
            double zmax = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                zmax = Math.max(zmax, f * energies[o + k]);
            }
            double sumExp = 0;
            for (int k = 0; k < classes; k++) {
                double e = Math.exp(f * energies[o + k] - zmax);
                grad[o + k] = e; // softmax numerators, normalised below
                sumExp += e;
            }
            int y = labels[b];
            total += -(f * energies[o + y] - zmax - Math.log(sumExp));
            // g = softmax − onehot, kept in grad for now
            double gp = 0;
            for (int k = 0; k < classes; k++) {
                double g = grad[o + k] / sumExp - (k == y ? 1 : 0);
                grad[o + k] = g;
                gp += g * energies[o + k] / s;
            }
            for (int k = 0; k < classes; k++) {
                grad[o + k] = invB * f * (normalised ? grad[o + k] - gp : grad[o + k]);
            }
        }
        return total * invB;
    }

    @Override
    public String describe() {
        return "cross-entropy(scale=" + scale + (normalised ? ", normalised" : "") + ")";
    }
}
