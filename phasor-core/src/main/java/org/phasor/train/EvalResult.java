package org.phasor.train;

/**
 * The outcome of {@link GradientMethod#evaluate}: batch-mean loss, correct count, the predicted class of every
 * sample and the raw class scores (detector energies, flat {@code [sample * classes + class]}).
 */
public record EvalResult(double loss, int correct, int count, int[] predictions, double[] scores, int classes, Cost cost) {
}
