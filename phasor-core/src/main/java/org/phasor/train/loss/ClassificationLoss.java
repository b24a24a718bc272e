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
    default double lossAndGradient(double[] energies, int batch, int classes, int[] labels, double[] grad) {
        checkShapes(energies, batch, classes, labels, grad);
        double total = 0;
        for (int b = 0; b < batch; b++) {
            total += sample(energies, b * classes, classes, labels[b], grad, b * classes, 1.0 / batch);
        }
        return total / batch;
    }

    /**
     * The same for per-sample arrays, as {@code org.phasor.model.Readout} produces them:
     * {@code energies[b][c]} and {@code grad[b][c]} for {@code b < batch}.
     */
    default double lossAndGradient(double[][] energies, int batch, int[] labels, double[][] grad) {
        if (batch <= 0 || energies.length < batch || grad.length < batch || labels.length < batch) {
            throw new IllegalArgumentException("loss inputs too short for batch " + batch + ": energies " + energies.length
                    + ", grad " + grad.length + ", labels " + labels.length);
        }
        double total = 0;
        for (int b = 0; b < batch; b++) {
            int classes = energies[b].length;
            if (grad[b].length != classes || labels[b] < 0 || labels[b] >= classes) {
                throw new IllegalArgumentException("sample " + b + ": " + classes + " energies, " + grad[b].length
                        + " gradient slots, label " + labels[b]);
            }
            total += sample(energies[b], 0, classes, labels[b], grad[b], 0, 1.0 / batch);
        }
        return total / batch;
    }

    /**
     * The loss of one sample.
     *
     * @param e      energies, read at {@code e[off .. off+classes)}
     * @param label  true class
     * @param grad   receives {@code weight · ∂loss/∂e} at {@code grad[goff .. goff+classes)} (overwritten)
     * @param weight factor applied to the gradient only (1/batch for a batch mean)
     * @return the sample's loss (not weighted)
     */
    double sample(double[] e, int off, int classes, int label, double[] grad, int goff, double weight);

    /** Names accepted by {@link #named}. */
    java.util.List<String> NAMES = java.util.List.of("cross-entropy", "mse");

    /**
     * The loss a config names: {@code cross-entropy} ({@link SoftmaxCrossEntropy} on normalised energies with
     * inverse temperature {@code scale}) or {@code mse} ({@link OneHotMse} on normalised energies; {@code scale}
     * unused). One-line error naming the value otherwise.
     */
    static ClassificationLoss named(String name, double scale) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "cross-entropy", "cross_entropy", "crossentropy", "ce" -> SoftmaxCrossEntropy.normalised(scale);
            case "mse", "one-hot-mse" -> new OneHotMse(true);
            default -> throw new IllegalArgumentException("unknown loss '" + name + "' (expected one of " + NAMES + ")");
        };
    }

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
