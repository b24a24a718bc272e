package org.phasor.task.generative.metrics;

/**
 * Sample diversity in a feature space: the mean Euclidean distance over all pairs of n feature vectors.
 * The within-class diversity is this quantity for the generated samples of one class divided by the
 * same for the real test images of that class (1 = as varied as the data, ≈ 0 = one prototype per class).
 */
public final class Diversity {
    private Diversity() {
    }

    /** Mean pairwise distance of the rows {@code rows[0..m)} of a row-major n × d feature matrix. */
    public static double meanPairwiseDistance(double[] feats, int d, int[] rows) {
        int m = rows.length;
        if (m < 2) {
            throw new IllegalArgumentException("diversity needs at least 2 samples, got " + m);
        }
        double s = 0;
        for (int i = 0; i < m; i++) {
            int a = rows[i] * d;
            for (int j = i + 1; j < m; j++) {
                int b = rows[j] * d;
                double q = 0;
                for (int k = 0; k < d; k++) {
                    double diff = feats[a + k] - feats[b + k];
                    q += diff * diff;
                }
                s += Math.sqrt(q);
            }
        }
        return s / ((double) m * (m - 1) / 2);
    }

    /** Row indices whose label equals {@code c}. */
    public static int[] rowsOfClass(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }
}
