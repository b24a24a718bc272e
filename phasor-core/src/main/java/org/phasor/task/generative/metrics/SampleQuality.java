package org.phasor.task.generative.metrics;

import org.phasor.task.generative.digital.FeatureClassifier;

/**
 * The quality of a set of generated 28×28 images against the real test set, in the fixed classifier's feature
 * space: Fréchet distance, class accuracy of class-conditional samples, and within-class diversity.
 *
 * @param frechet          Fréchet distance between generated and real test features
 * @param classAccuracy    fraction of samples the classifier assigns to the class they were generated for
 *                         (NaN for unconditional samples)
 * @param diversity        mean over classes of (mean pairwise feature distance of the samples of the class) /
 *                         (the same for the real test images of that class); unconditional samples are grouped
 *                         by the class the classifier assigns
 * @param diversityByClass the per-class ratios (NaN where a class has fewer than 2 samples)
 */
public record SampleQuality(double frechet, double classAccuracy, double diversity, double[] diversityByClass) {

    /**
     * Real-image features and pairwise distances, computed once per test set.
     *
     * @param classSpread   per class, mean pairwise feature distance of the real images of that class
     * @param overallSpread mean pairwise feature distance of all real images (at most 1000, evenly spaced)
     */
    public record Reference(double[] features, int[] labels, double[] classSpread, double overallSpread, int classes) {
        public static Reference of(FeatureClassifier clf, double[] images, int[] labels, int classes) {
            double[] f = clf.evaluate(images, labels.length).features();
            double[] spread = new double[classes];
            for (int c = 0; c < classes; c++) {
                int[] rows = Diversity.rowsOfClass(labels, c);
                spread[c] = rows.length < 2 ? Double.NaN
                        : Diversity.meanPairwiseDistance(f, FeatureClassifier.FEATURES, cap(rows, 500));
            }
            double overall = labels.length < 2 ? Double.NaN
                    : Diversity.meanPairwiseDistance(f, FeatureClassifier.FEATURES, cap(allRows(labels.length), 1000));
            return new Reference(f, labels, spread, overall, classes);
        }
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /**
     * The quality of unconditional samples, where within-class diversity is not defined: Fréchet distance as in
     * {@link #of}, class accuracy NaN, and {@code diversity} = overall diversity = (mean pairwise feature distance
     * of all samples, at most 1000 evenly spaced) / (the same for the real test images). {@code diversityByClass}
     * holds the fraction of samples the classifier assigns to each class (the class histogram).
     */
    public static SampleQuality unconditional(FeatureClassifier clf, Reference ref, double[] images, int n) {
        FeatureClassifier.Result r = clf.evaluate(images, n);
        int d = FeatureClassifier.FEATURES;
        double fd = FrechetDistance.between(r.features(), n, ref.features(), ref.labels().length, d);
        double div = n < 2 || !(ref.overallSpread() > 0) ? Double.NaN
                : Diversity.meanPairwiseDistance(r.features(), d, cap(allRows(n), 1000)) / ref.overallSpread();
        double[] hist = new double[ref.classes()];
        for (int i = 0; i < n; i++) {
            hist[r.predictions()[i]] += 1.0 / n;
        }
        return new SampleQuality(fd, Double.NaN, div, hist);
    }

    /** Entropy in bits of a histogram of fractions (log2 of the class count when uniform). */
    public static double entropyBits(double[] p) {
        double h = 0;
        for (double q : p) {
            if (q > 0) {
                h -= q * Math.log(q) / Math.log(2);
            }
        }
        return h;
    }

    /** At most {@code max} rows, evenly spaced (pairwise cost grows with the square). */
    static int[] cap(int[] rows, int max) {
        if (rows.length <= max) {
            return rows;
        }
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            out[i] = rows[(int) ((long) i * rows.length / max)];
        }
        return out;
    }

    /**
     * @param images n generated images (n × 784)
     * @param target the class each was generated for, or null (unconditional)
     */
    public static SampleQuality of(FeatureClassifier clf, Reference ref, double[] images, int[] target, int n) {
        FeatureClassifier.Result r = clf.evaluate(images, n);
        int d = FeatureClassifier.FEATURES;
        double fd = FrechetDistance.between(r.features(), n, ref.features(), ref.labels().length, d);
        double acc = Double.NaN;
        int[] groups = target != null ? target : r.predictions();
        if (target != null) {
            int ok = 0;
            for (int i = 0; i < n; i++) {
                if (r.predictions()[i] == target[i]) {
                    ok++;
                }
            }
            acc = (double) ok / n;
        }
        double[] byClass = new double[ref.classes()];
        double sum = 0;
        int used = 0;
        for (int c = 0; c < ref.classes(); c++) {
            int[] rows = Diversity.rowsOfClass(groups, c);
            if (rows.length < 2 || !(ref.classSpread()[c] > 0)) {
                byClass[c] = Double.NaN;
                continue;
            }
            byClass[c] = Diversity.meanPairwiseDistance(r.features(), d, cap(rows, 500)) / ref.classSpread()[c];
            sum += byClass[c];
            used++;
        }
        return new SampleQuality(fd, acc, used == 0 ? Double.NaN : sum / used, byClass);
    }
}
