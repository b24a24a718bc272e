package org.phasor.train;

/**
 * The outcome of one {@link GradientMethod#step}: the batch-mean loss, its gradient with respect to every
 * parameter (same shapes as {@link org.phasor.model.Params#layers()}; {@code null} for gradient-free methods such
 * as particle swarms, which instead return their proposal in {@code gradients} — see the method's docs), how many
 * samples were classified correctly, and the cost.
 *
 * <p>The arrays may be buffers owned by the method and overwritten by its next call: copy what you keep.
 */
public record StepResult(double loss, double[][] gradients, int correct, int count, Cost cost) {
}
