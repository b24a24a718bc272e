package org.phasor.train.loss;

/**
 * Mean squared error between (normalised) region energies and the one-hot target of the true class:
 * {@code L = Σ_k (p_k − y_k)²} per sample, averaged over the batch, with {@code p_k = E_k / Σ_j E_j} when
 * {@code normalised} (the default; the fraction of detected light in each region) or {@code p_k = E_k}.
 *
 * <p>Gradient: with {@code r = p − y}, {@code ∂L/∂E_j = (2/S)·(r_j − Σ_k r_k p_k)} when normalised
 * ({@code S = Σ E}), {@code 2 r_j} otherwise, divided by the batch size. A dark output ({@code S = 0}) gives
 * loss 1 and gradient zero.
 *
 * @param normalised divide energies by their sum over regions first
 */
public record OneHotMse(boolean normalised) implements ClassificationLoss {

    @Override
    public double lossAndGradient(double[] energies, int batch, int classes, int[] labels, double[] grad) {
        ClassificationLoss.checkShapes(energies, batch, classes, labels, grad);
        double total = 0;
        double invB = 1.0 / batch;
        for (int b = 0; b < batch; b++) {
            int o = b * classes;
            int y = labels[b];
            double s = 1;
            if (normalised) {
                s = 0;
                for (int k = 0; k < classes; k++) {
                    s += energies[o + k];
                }
                if (!(s > 0)) {
                    total += 1;
                    java.util.Arrays.fill(grad, o, o + classes, 0.0);
                    continue;
                }
            }
            double rp = 0;
            for (int k = 0; k < classes; k++) {
                double p = energies[o + k] / s;
                double r = p - (k == y ? 1 : 0);
                total += r * r;
                rp += r * p;
                grad[o + k] = r;
            }
            for (int k = 0; k < classes; k++) {
                grad[o + k] = invB * 2 / s * (normalised ? grad[o + k] - rp : grad[o + k]);
            }
        }
        return total * invB;
    }

    @Override
    public String describe() {
        return "one-hot MSE" + (normalised ? "(normalised)" : "");
    }
}
