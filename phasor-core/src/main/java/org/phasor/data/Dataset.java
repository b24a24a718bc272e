package org.phasor.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A labelled classification dataset held in memory: {@code size()} samples, each a {@code rows × cols} array of
 * features stored flat row-major in {@link #features()} (sample {@code i} starts at {@code i·rows·cols}).
 * Images (MNIST, Fashion-MNIST) are grey values scaled to {@code [0, 1]} (byte / 255); tabular data (Iris) is
 * one row of raw feature values ({@code rows = 1}), see {@link #minMaxScaled}.
 *
 * <p>A value type: the arrays are not copied for speed (60 000 Fashion-MNIST images are 188 MB as floats), so
 * treat them as read-only. Every derived dataset (subset, shuffle) is a new instance with its own arrays.
 *
 * @param name       short description of where the data came from (shown in logs and run directories)
 * @param features   {@code size·rows·cols} values, row-major per sample
 * @param labels     class index per sample, {@code 0 ≤ label < classNames.size()}
 * @param rows       rows per sample (image height; 1 for tabular data)
 * @param cols       columns per sample (image width; number of features for tabular data)
 * @param classNames human-readable class names, index = label
 */
public record Dataset(String name, float[] features, int[] labels, int rows, int cols, List<String> classNames) {

    public Dataset {
        classNames = List.copyOf(classNames);
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": sample shape must be positive, got " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != features.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but " + features.length
                    + " feature values (expected " + (long) labels.length * rows * cols + ")");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside 0.." + (classNames.size() - 1));
            }
        }
    }

    /** The ten Fashion-MNIST class names, in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The ten MNIST class names (the digits). */
    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Builds an image dataset from IDX images and labels, scaling bytes to [0, 1]. */
    public static Dataset fromIdx(String name, Idx.Images images, int[] labels, List<String> classNames) {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(name + ": " + images.count() + " images but " + labels.length + " labels");
        }
        byte[] px = images.pixels();
        float[] f = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            f[i] = (px[i] & 0xff) / 255f;
        }
        return new Dataset(name, f, labels, images.rows(), images.cols(), classNames);
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** Values per sample, {@code rows·cols}. */
    public int sampleSize() {
        return rows * cols;
    }

    /** Number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** Offset of sample {@code i} in {@link #features()}. */
    public int offset(int i) {
        return i * sampleSize();
    }

    /** Feature {@code (row, col)} of sample {@code i}. */
    public float value(int i, int row, int col) {
        return features[offset(i) + row * cols + col];
    }

    /** Samples per class, index = label. */
    public int[] classCounts() {
        int[] c = new int[numClasses()];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    /** A new dataset with the samples at {@code indices}, in that order (repeats allowed). */
    public Dataset select(int[] indices, String newName) {
        int s = sampleSize();
        float[] f = new float[indices.length * s];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("sample index " + i + " outside 0.." + (size() - 1) + " of " + name);
            }
            System.arraycopy(features, i * s, f, k * s, s);
            l[k] = labels[i];
        }
        return new Dataset(newName, f, l, rows, cols, classNames);
    }

    /** The first {@code n} samples. */
    public Dataset head(int n) {
        if (n > size()) {
            throw new IllegalArgumentException(name + " has " + size() + " samples, cannot take " + n);
        }
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return select(idx, name + "[:" + n + "]");
    }

    /**
     * A balanced subset: the first {@code perClass} samples of each class in dataset order, kept in dataset order.
     * Deterministic (no randomness), so the same source gives the same subset everywhere.
     *
     * @throws IllegalArgumentException if some class has fewer than {@code perClass} samples
     */
    public Dataset balancedSubset(int perClass) {
        return select(balancedIndices(perClass), name + " (" + perClass + " per class)");
    }

    /** The indices {@link #balancedSubset} takes, ascending. */
    public int[] balancedIndices(int perClass) {
        if (perClass <= 0) {
            throw new IllegalArgumentException("samples per class must be positive, got " + perClass);
        }
        int[] taken = new int[numClasses()];
        int[] idx = new int[perClass * numClasses()];
        int n = 0;
        for (int i = 0; i < size() && n < idx.length; i++) {
            if (taken[labels[i]] < perClass) {
                taken[labels[i]]++;
                idx[n++] = i;
            }
        }
        for (int c = 0; c < taken.length; c++) {
            if (taken[c] < perClass) {
                throw new IllegalArgumentException(name + ": class " + c + " (" + classNames.get(c) + ") has only "
                        + taken[c] + " samples, " + perClass + " per class requested");
            }
        }
        return idx;
    }

    /** A seeded permutation of {@code 0..size-1} (Fisher–Yates with {@link SplittableRandom}). */
    public int[] permutation(long seed) {
        return permutation(size(), seed);
    }

    /** A seeded permutation of {@code 0..n-1}; same seed, same order on every machine. */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** This dataset in a seeded random order. */
    public Dataset shuffled(long seed) {
        return select(permutation(seed), name);
    }

    /** Number of batches of at most {@code batchSize} samples in one pass (last batch may be smaller). */
    public int batchCount(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return (size() + batchSize - 1) / batchSize;
    }

    /**
     * The features min–max scaled per column to [0, 1] using this dataset's ranges (for tabular data such as
     * Iris; use {@link #minMaxScaled(float[], float[])} with the training ranges on the test set).
     */
    public Dataset minMaxScaled() {
        float[] lo = new float[cols];
        float[] hi = new float[cols];
        Arrays.fill(lo, Float.POSITIVE_INFINITY);
        Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < size() * rows; i++) {
            for (int c = 0; c < cols; c++) {
                float v = features[i * cols + c];
                lo[c] = Math.min(lo[c], v);
                hi[c] = Math.max(hi[c], v);
            }
        }
        return minMaxScaled(lo, hi);
    }

    /** Features scaled per column as {@code (v − lo[c]) / (hi[c] − lo[c])} (constant columns become 0). */
    public Dataset minMaxScaled(float[] lo, float[] hi) {
        float[] f = new float[features.length];
        for (int i = 0; i < size() * rows; i++) {
            for (int c = 0; c < cols; c++) {
                float span = hi[c] - lo[c];
                f[i * cols + c] = span > 0 ? (features[i * cols + c] - lo[c]) / span : 0f;
            }
        }
        return new Dataset(name + " (min-max scaled)", f, labels, rows, cols, classNames);
    }

    @Override
    public String toString() {
        return name + ": " + size() + " samples of " + rows + "x" + cols + ", " + numClasses() + " classes";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && name.equals(d.name) && rows == d.rows && cols == d.cols
                && Arrays.equals(features, d.features) && Arrays.equals(labels, d.labels)
                && classNames.equals(d.classNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(features);
    }
}
