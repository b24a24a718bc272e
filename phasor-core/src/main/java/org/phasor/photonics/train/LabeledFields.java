package org.phasor.photonics.train;

/**
 * Encoded input fields and their labels.
 *
 * @param inputs interleaved complex inputs [size][2·width]
 * @param labels class per sample
 */
public record LabeledFields(double[][] inputs, int[] labels) {
    public LabeledFields {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The samples at {@code idx[from..to)}. */
    public LabeledFields slice(int[] idx, int from, int to) {
        double[][] x = new double[to - from][];
        int[] y = new int[to - from];
        for (int i = from; i < to; i++) {
            x[i - from] = inputs[idx[i]];
            y[i - from] = labels[idx[i]];
        }
        return new LabeledFields(x, y);
    }
}
