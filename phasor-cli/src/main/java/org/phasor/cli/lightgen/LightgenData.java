package org.phasor.cli.lightgen;

import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Small conversions between the data module's float images and the metrics' double arrays; the datasets of the generative commands. */
final class LightgenData {
    /** The {@code --dataset} values of the generative commands. */
    enum Kind {
        FASHION("data/models/fashion-mnist-classifier.npy"),
        MNIST("data/models/mnist-classifier.npy");

        /** Where the shipped feature classifier of this dataset lies (relative to the repository root). */
        final String classifier;

        Kind(String classifier) {
            this.classifier = classifier;
        }

        /** {@code fashion} (or {@code fashion-mnist}) or {@code mnist}, case-insensitive; a one-line error otherwise. */
        static Kind parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "fashion", "fashion-mnist", "fashion_mnist" -> FASHION;
                case "mnist" -> MNIST;
                default -> throw new IllegalArgumentException("--dataset must be fashion or mnist, got '" + s + "'");
            };
        }

        /**
         * Loads the dataset: an explicit IDX directory wins; else Fashion-MNIST as {@code fashionPreference} says
         * (Debian's full copy or the shipped subset), MNIST from the shipped subset.
         */
        DataSplit load(Path dir, Datasets.Preference fashionPreference) throws IOException {
            return this == FASHION ? Datasets.fashionMnist(dir, fashionPreference, System.out::println)
                    : Datasets.mnist(dir, System.out::println);
        }
    }

    private LightgenData() {
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
