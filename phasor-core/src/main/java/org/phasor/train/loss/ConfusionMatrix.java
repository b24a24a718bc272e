package org.phasor.train.loss;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs, and the accuracies derived from them. A mutable accumulator
 * owned by one evaluation loop; {@link #counts()} returns a copy.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts; // [true][predicted]

    public ConfusionMatrix(int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("number of classes must be positive, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /** Index of the largest value of row {@code b} of a {@code [batch][classes]} array (first one on ties). */
    public static int argmax(double[] scores, int b, int classes) {
        int o = b * classes;
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (scores[o + k] > scores[o + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Adds one sample. */
    public void add(int trueClass, int predicted) {
        counts[trueClass * classes + predicted]++;
    }

    /** Adds a batch: prediction = argmax of each row of {@code scores} ({@code [batch][classes]}). */
    public void addBatch(double[] scores, int batch, int[] labels) {
        for (int b = 0; b < batch; b++) {
            add(labels[b], argmax(scores, b, classes));
        }
    }

    /** Adds all counts of another matrix of the same size (e.g. from another thread). */
    public void addAll(ConfusionMatrix other) {
        if (other.classes != classes) {
            throw new IllegalArgumentException("confusion matrices differ in size: " + classes + " vs " + other.classes);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    public int classes() {
        return classes;
    }

    /** Count of samples of class {@code trueClass} predicted as {@code predicted}. */
    public long count(int trueClass, int predicted) {
        return counts[trueClass * classes + predicted];
    }

    /** A copy of the counts, {@code [true][predicted]}. */
    public long[][] counts() {
        long[][] c = new long[classes][];
        for (int t = 0; t < classes; t++) {
            c[t] = Arrays.copyOfRange(counts, t * classes, (t + 1) * classes);
        }
        return c;
    }

    /** Total number of samples. */
    public long total() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** Fraction of samples on the diagonal (0 when empty). */
    public double accuracy() {
        long d = 0;
        for (int k = 0; k < classes; k++) {
            d += count(k, k);
        }
        long t = total();
        return t == 0 ? 0 : (double) d / t;
    }

    /** Recall per class: correct / samples of that class (NaN for a class without samples). */
    public double[] perClassAccuracy() {
        double[] a = new double[classes];
        for (int t = 0; t < classes; t++) {
            long row = 0;
            for (int p = 0; p < classes; p++) {
                row += count(t, p);
            }
            a[t] = row == 0 ? Double.NaN : (double) count(t, t) / row;
        }
        return a;
    }

    /** Resets all counts to zero. */
    public void clear() {
        Arrays.fill(counts, 0);
    }
}
