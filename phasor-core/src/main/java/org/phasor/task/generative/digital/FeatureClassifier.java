package org.phasor.task.generative.digital;

import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The fixed feature extractor of the generative metrics: a 784-256-64-10 ReLU MLP trained by the project on
 * the Fashion-MNIST training set ({@code phasor lightgen train-classifier}, weights shipped in
 * data/models/). Its 64 penultimate activations are the feature space of the Fréchet distance and of the
 * diversity measure; its argmax says which class a generated image looks like.
 */
public final class FeatureClassifier {
    public static final int[] SIZES = {784, 256, 64, 10};
    public static final int FEATURES = 64;

    private final Mlp net;

    public FeatureClassifier(long seed) {
        net = new Mlp(SIZES, new Mlp.Activation[]{Mlp.Activation.RELU, Mlp.Activation.RELU, Mlp.Activation.IDENTITY}, seed);
    }

    public static FeatureClassifier load(Path npy) throws IOException {
        FeatureClassifier c = new FeatureClassifier(0);
        double[] p = NpyVector.read(npy);
        if (p.length != c.net.params().length) {
            throw new IOException(npy + ": expected " + c.net.params().length + " classifier parameters (784-256-64-10), got "
                    + p.length);
        }
        c.net.setParams(p);
        return c;
    }

    public void save(Path npy) throws IOException {
        NpyVector.write(npy, net.params());
    }

    Mlp net() {
        return net;
    }

    /** One epoch summary. */
    public record EpochLog(int epoch, double meanLoss, double trainAccuracy) {
    }

    /**
     * Trains with softmax cross-entropy and Adam on {@code n} row-major 784-pixel images in [0, 1]. Seeded
     * shuffling; returns nothing, reports each epoch to {@code log}.
     */
    public void train(float[] images, int[] labels, int epochs, int batch, double lr, long seed, Consumer<EpochLog> log) {
        int n = labels.length;
        Adam adam = new Adam(new int[]{net.params().length}, LearningRateSchedule.constant(lr));
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int e = 1; e <= epochs; e++) {
            shuffle(order, rnd);
            double lossSum = 0;
            int correct = 0;
            for (int s = 0; s < n; s += batch) {
                int m = Math.min(batch, n - s);
                double[] x = new double[m * 784];
                int[] y = new int[m];
                for (int b = 0; b < m; b++) {
                    int i = order[s + b];
                    for (int p = 0; p < 784; p++) {
                        x[b * 784 + p] = images[i * 784 + p];
                    }
                    y[b] = labels[i];
                }
                net.zeroGrad();
                Mlp.Pass pass = net.forward(x, m);
                double[] logits = pass.output();
                double[] d = new double[m * 10];
                for (int b = 0; b < m; b++) {
                    lossSum += softmaxCrossEntropy(logits, b, y[b], d, 1.0 / m);
                    if (argmax(logits, b * 10, 10) == y[b]) {
                        correct++;
                    }
                }
                net.backward(pass, d);
                adam.step(new double[][]{net.params()}, new double[][]{net.grads()});
            }
            log.accept(new EpochLog(e, lossSum / n, (double) correct / n));
        }
    }

    /** Cross-entropy of row b; writes scale·(softmax − onehot) into d. */
    static double softmaxCrossEntropy(double[] logits, int b, int label, double[] d, double scale) {
        int o = b * 10;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 10; k++) {
            max = Math.max(max, logits[o + k]);
        }
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += Math.exp(logits[o + k] - max);
        }
        for (int k = 0; k < 10; k++) {
            d[o + k] = scale * (Math.exp(logits[o + k] - max) / sum - (k == label ? 1 : 0));
        }
        return -(logits[o + label] - max - Math.log(sum));
    }

    static int argmax(double[] v, int off, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (v[off + k] > v[off + best]) {
                best = k;
            }
        }
        return best;
    }

    static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Features (n × 64) and predicted classes of n row-major 784-pixel images, computed in chunks. */
    public record Result(double[] features, int[] predictions) {
    }

    public Result evaluate(double[] images, int n) {
        if (images.length != n * 784) {
            throw new IllegalArgumentException("expected " + n + " images of 784 pixels, got " + images.length + " values");
        }
        double[] feats = new double[n * FEATURES];
        int[] pred = new int[n];
        int chunk = 512;
        for (int s = 0; s < n; s += chunk) {
            int m = Math.min(chunk, n - s);
            double[] x = new double[m * 784];
            System.arraycopy(images, s * 784, x, 0, m * 784);
            Mlp.Pass pass = net.forward(x, m);
            System.arraycopy(pass.acts()[2], 0, feats, s * FEATURES, m * FEATURES);
            for (int b = 0; b < m; b++) {
                pred[s + b] = argmax(pass.output(), b * 10, 10);
            }
        }
        return new Result(feats, pred);
    }

    /** Fraction of images whose predicted class equals the label. */
    public double accuracy(double[] images, int[] labels) {
        int[] p = evaluate(images, labels.length).predictions();
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == labels[i]) {
                ok++;
            }
        }
        return (double) ok / p.length;
    }
}
