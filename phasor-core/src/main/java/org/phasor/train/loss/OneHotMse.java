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
    public double sample(double[] e, int off, int classes, int y, double[] grad, int goff, double weight) {
        double s = 1;
        if (normalised) {
            s = 0;
            for (int k = 0; k < classes; k++) {
                s += e[off + k];
            }
            if (!(s > 0)) {
                java.util.Arrays.fill(grad, goff, goff + classes, 0.0);
                return 1;
            }
        }
        double loss = 0;
        double rp = 0;
        for (int k = 0; k < classes; k++) {
            double p = e[off + k] / s;
            double r = p - (k == y ? 1 : 0);
            loss += r * r;
            rp += r * p;
            grad[goff + k] = r;
        }
        for (int k = 0; k < classes; k++) {
            grad[goff + k] = weight * 2 / s * (normalised ? grad[goff + k] - rp : grad[goff + k]);
        }
        return loss;
    }

    @Override
    public String describe() {
        return "one-hot MSE" + (normalised ? "(normalised)" : "");
    }
}
