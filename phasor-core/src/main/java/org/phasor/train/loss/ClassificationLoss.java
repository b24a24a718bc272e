package org.phasor.train.loss;

/**
 * A loss on the energies collected by the detector regions (one region per class), averaged over the batch.
 * Implementations are immutable and allocation-free per call.
 */
public interface ClassificationLoss {

    /**
     * Computes the mean loss over the batch and writes its gradient.
     *
     * @param energies region energies, {@code [batch][classes]} flat, each ≥ 0
     * @param batch    number of samples
     * @param classes  number of regions / classes
     * @param labels   true class of each sample, {@code labels[b]} for {@code b < batch}
     * @param grad     output: {@code ∂L/∂energies}, same layout (overwritten)
     * @return the loss, averaged over the batch
     */
    double lossAndGradient(double[] energies, int batch, int classes, int[] labels, double[] grad);

    /** Short name for logs and metrics (e.g. {@code cross-entropy(scale=10, normalised)}). */
    String describe();

    /** Checks array lengths; one-line error naming the sizes. */
    static void checkShapes(double[] energies, int batch, int classes, int[] labels, double[] grad) {
        if (batch <= 0 || classes <= 0) {
            throw new IllegalArgumentException("batch and classes must be positive, got " + batch + " and " + classes);
        }
        if (energies.length < batch * classes || grad.length < batch * classes || labels.length < batch) {
            throw new IllegalArgumentException("loss inputs too short for batch " + batch + " x " + classes
                    + " classes: energies " + energies.length + ", grad " + grad.length + ", labels " + labels.length);
        }
        for (int b = 0; b < batch; b++) {
            if (labels[b] < 0 || labels[b] >= classes) {
                throw new IllegalArgumentException("label " + labels[b] + " of sample " + b + " outside 0.." + (classes - 1));
            }
        }
    }
}
