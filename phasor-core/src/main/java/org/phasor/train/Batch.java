package org.phasor.train;

import java.util.Objects;

/**
 * A batch of labelled samples as plain arrays, the unit of work of every {@link GradientMethod} (and what a
 * remote bench receives over a wire). Sample {@code b} occupies {@code features[b·rows·cols, (b+1)·rows·cols)}.
 *
 * @param features flat sample values, row-major per sample (images: grey values in [0, 1])
 * @param labels   class index per sample; its length is the batch size
 * @param rows     rows per sample
 * @param cols     columns per sample
 */
public record Batch(float[] features, int[] labels, int rows, int cols) {
    public Batch {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * rows * cols != features.length) {
            throw new IllegalArgumentException("batch of " + labels.length + " samples of " + rows + "x" + cols
                    + " needs " + (long) labels.length * rows * cols + " values, got " + features.length);
        }
    }

    public int size() {
        return labels.length;
    }
}
