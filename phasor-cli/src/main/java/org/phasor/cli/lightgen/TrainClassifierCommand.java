package org.phasor.cli.lightgen;

import org.phasor.data.DataSplit;
import org.phasor.data.Dataset;
import org.phasor.data.Datasets;
import org.phasor.task.generative.digital.FeatureClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Trains the fixed feature extractor of the generative metrics on the full Fashion-MNIST training set (or the
 * shipped MNIST subset) and writes its weights (the files shipped as data/models/fashion-mnist-classifier.npy and
 * data/models/mnist-classifier.npy).
 */
@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = "Train the 784-256-64-10 feature classifier of the generative metrics on Fashion-MNIST or MNIST.")
public final class TrainClassifierCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "fashion", description = "fashion or mnist (default: ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--data", description = "directory with the IDX files (default: Fashion-MNIST: the full Debian copy; "
            + "MNIST: the shipped subset)")
    Path data;
    @Option(names = "--epochs", defaultValue = "8")
    int epochs;
    @Option(names = "--batch", defaultValue = "128")
    int batch;
    @Option(names = "--lr", defaultValue = "1e-3")
    double lr;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--out", description = "weights file (default: data/models/fashion-mnist-classifier.npy or "
            + "data/models/mnist-classifier.npy)")
    Path out;

    @Override
    public Integer call() throws Exception {
        LightgenData.Kind kind = LightgenData.Kind.parse(dataset);
        if (out == null) {
            out = Path.of(kind.classifier);
        }
        DataSplit split = kind.load(data, Datasets.Preference.FULL);
        Dataset train = split.train();
        Dataset test = split.test();
        FeatureClassifier c = new FeatureClassifier(seed);
        c.train(train.features(), train.labels(), epochs, batch, lr, seed, e -> System.out.printf(Locale.ROOT,
                "epoch %d: loss %.4f, train accuracy %.4f%n", e.epoch(), e.meanLoss(), e.trainAccuracy()));
        double acc = c.accuracy(LightgenData.toDouble(test.features()), test.labels());
        System.out.printf(Locale.ROOT, "test accuracy %.4f on %d images%n", acc, test.size());
        c.save(out);
        System.out.println("wrote " + out);
        return 0;
    }
}
