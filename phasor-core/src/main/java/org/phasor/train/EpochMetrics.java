package org.phasor.train;

/**
 * What one epoch achieved. Losses are means over samples; accuracies are fractions in [0, 1]; {@code seconds} is
 * wall-clock time of the epoch (training and test evaluation), the only field that differs between an
 * interrupted-and-resumed run and an uninterrupted one.
 *
 * @param epoch         1-based epoch number
 * @param trainLoss     mean training loss over the epoch's batches (weighted by batch size)
 * @param trainAccuracy fraction of training samples classified correctly during the epoch
 * @param testLoss      mean loss on the test set after the epoch (NaN when not evaluated)
 * @param testAccuracy  test accuracy after the epoch (NaN when not evaluated)
 * @param seconds       wall-clock seconds spent on this epoch
 * @param cost          passes and frames the gradient method reported for this epoch's training
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double seconds, Cost cost) {
}
