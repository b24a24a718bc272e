package org.phasor.task.generative.digital;

import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The digital baseline of the generative table: a (conditional) variational autoencoder with the same latent
 * size K as the optical one. Encoder x[+onehot(c)] → H (ReLU) → (μ, log σ²) of K Gaussians; decoder
 * z[+onehot(c)] → H (ReLU) → 784 logits → sigmoid. Loss per image (the negative ELBO):
 * <pre>
 *   L = BCE(x, sigmoid(logits)) + β · ½ Σ_k (μ_k² + σ_k² − 1 − log σ_k²),   z = μ + σ·ε, ε ~ N(0, I)
 * </pre>
 * with Bernoulli reconstruction likelihood on [0, 1] pixels and the KL divergence to the N(0, I) prior.
 * Gradients by hand: ∂L/∂logits = x̂ − x; through the reparameterisation ∂L/∂μ = ∂L/∂z + β·μ and
 * ∂L/∂logσ² = ½·σ·ε·∂L/∂z + ½·β·(σ² − 1).
 */
public final class DigitalVae {
    public static final int PIXELS = 784;

    private final int latent;
    private final int classes;
    private final Mlp encoder;
    private final Mlp decoder;

    /**
     * @param latent  K, latent dimension
     * @param hidden  hidden width of encoder and decoder
     * @param classes 0 for an unconditional VAE, else the number of classes appended one-hot to both inputs
     */
    public DigitalVae(int latent, int hidden, int classes, long seed) {
        if (latent < 1 || hidden < 1 || classes < 0) {
            throw new IllegalArgumentException("VAE needs latent ≥ 1, hidden ≥ 1, classes ≥ 0; got " + latent + ", "
                    + hidden + ", " + classes);
        }
        this.latent = latent;
        this.classes = classes;
        Mlp.Activation[] acts = {Mlp.Activation.RELU, Mlp.Activation.IDENTITY};
        encoder = new Mlp(new int[]{PIXELS + classes, hidden, 2 * latent}, acts, seed);
        decoder = new Mlp(new int[]{latent + classes, hidden, PIXELS}, acts, seed + 1);
    }

    public int latent() {
        return latent;
    }

    public int classes() {
        return classes;
    }

    Mlp encoder() {
        return encoder;
    }

    Mlp decoder() {
        return decoder;
    }

    /** Encoder and decoder parameters in one vector (encoder first). */
    public double[] params() {
        double[] e = encoder.params();
        double[] d = decoder.params();
        double[] all = new double[e.length + d.length];
        System.arraycopy(e, 0, all, 0, e.length);
        System.arraycopy(d, 0, all, e.length, d.length);
        return all;
    }

    public void setParams(double[] all) {
        int ne = encoder.params().length;
        if (all.length != ne + decoder.params().length) {
            throw new IllegalArgumentException("expected " + (ne + decoder.params().length) + " VAE parameters, got " + all.length);
        }
        encoder.setParams(java.util.Arrays.copyOfRange(all, 0, ne));
        decoder.setParams(java.util.Arrays.copyOfRange(all, ne, all.length));
    }

    public void save(Path npy) throws IOException {
        NpyVector.write(npy, params());
    }

    public void load(Path npy) throws IOException {
        setParams(NpyVector.read(npy));
    }

    private double[] withClass(double[] x, int width, int[] labels, int n) {
        if (classes == 0) {
            return x;
        }
        double[] out = new double[n * (width + classes)];
        for (int b = 0; b < n; b++) {
            System.arraycopy(x, b * width, out, b * (width + classes), width);
            out[b * (width + classes) + width + labels[b]] = 1;
        }
        return out;
    }

    /** Negative ELBO of n images with the given noise ε (n × K); accumulates gradients when {@code backward}. */
    public double loss(double[] x, int[] labels, double[] eps, int n, double beta, boolean backward) {
        Mlp.Pass enc = encoder.forward(withClass(x, PIXELS, labels, n), n);
        double[] stats = enc.output();
        double[] z = new double[n * latent];
        double kl = 0;
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < latent; k++) {
                double mu = stats[b * 2 * latent + k];
                double lv = stats[b * 2 * latent + latent + k];
                z[b * latent + k] = mu + Math.exp(0.5 * lv) * eps[b * latent + k];
                kl += 0.5 * (mu * mu + Math.exp(lv) - 1 - lv);
            }
        }
        Mlp.Pass dec = decoder.forward(withClass(z, latent, labels, n), n);
        double[] logits = dec.output();
        double bce = 0;
        double[] dLogits = backward ? new double[n * PIXELS] : null;
        for (int i = 0; i < n * PIXELS; i++) {
            double l = logits[i];
            // BCE with logits, stable: max(l,0) − l·x + log(1 + e^{−|l|})
            bce += Math.max(l, 0) - l * x[i] + Math.log1p(Math.exp(-Math.abs(l)));
            if (backward) {
                dLogits[i] = 1 / (1 + Math.exp(-l)) - x[i];
            }
        }
        if (backward) {
            double[] dzc = decoder.backward(dec, dLogits);
            int w = latent + classes;
            double[] dStats = new double[n * 2 * latent];
            for (int b = 0; b < n; b++) {
                for (int k = 0; k < latent; k++) {
                    double dz = dzc[b * w + k];
                    double mu = stats[b * 2 * latent + k];
                    double lv = stats[b * 2 * latent + latent + k];
                    double sigma = Math.exp(0.5 * lv);
                    dStats[b * 2 * latent + k] = dz + beta * mu;
                    dStats[b * 2 * latent + latent + k] = 0.5 * sigma * eps[b * latent + k] * dz + 0.5 * beta * (sigma * sigma - 1);
                }
            }
            encoder.backward(enc, dStats);
        }
        return bce + beta * kl;
    }

    /** One epoch summary: mean negative ELBO per image. */
    public record EpochLog(int epoch, double meanLoss) {
    }

    /** Trains with Adam, batches of {@code batch}, seeded shuffling and noise. */
    public void train(float[] images, int[] labels, int epochs, int batch, double lr, double beta, long seed,
                      java.util.function.Consumer<EpochLog> log) {
        int n = images.length / PIXELS;
        Adam adam = new Adam(new int[]{encoder.params().length, decoder.params().length}, LearningRateSchedule.constant(lr));
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int e = 1; e <= epochs; e++) {
            FeatureClassifier.shuffle(order, rnd);
            double sum = 0;
            for (int s = 0; s < n; s += batch) {
                int m = Math.min(batch, n - s);
                double[] x = new double[m * PIXELS];
                int[] y = new int[m];
                for (int b = 0; b < m; b++) {
                    int i = order[s + b];
                    for (int p = 0; p < PIXELS; p++) {
                        x[b * PIXELS + p] = images[i * PIXELS + p];
                    }
                    y[b] = labels == null ? 0 : labels[i];
                }
                double[] eps = new double[m * latent];
                for (int i = 0; i < eps.length; i++) {
                    eps[i] = rnd.nextGaussian();
                }
                encoder.zeroGrad();
                decoder.zeroGrad();
                sum += loss(x, y, eps, m, beta, true);
                scale(encoder.grads(), 1.0 / m);
                scale(decoder.grads(), 1.0 / m);
                adam.step(new double[][]{encoder.params(), decoder.params()}, new double[][]{encoder.grads(), decoder.grads()});
            }
            log.accept(new EpochLog(e, sum / n));
        }
    }

    private static void scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }

    /** Posterior means μ (n × K) of n images. */
    public double[] encodeMean(double[] x, int[] labels, int n) {
        double[] stats = encoder.forward(withClass(x, PIXELS, labels, n), n).output();
        double[] mu = new double[n * latent];
        for (int b = 0; b < n; b++) {
            System.arraycopy(stats, b * 2 * latent, mu, b * latent, latent);
        }
        return mu;
    }

    /** Decoded images (n × 784, in [0, 1]) of latents z (n × K). */
    public double[] decode(double[] z, int[] labels, int n) {
        double[] logits = decoder.forward(withClass(z, latent, labels, n), n).output();
        double[] out = new double[logits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 / (1 + Math.exp(-logits[i]));
        }
        return out;
    }

    /** n samples from the prior N(0, I), decoded with the given class labels (ignored when unconditional). */
    public double[] sample(int[] labels, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] z = new double[n * latent];
        for (int i = 0; i < z.length; i++) {
            z[i] = rnd.nextGaussian();
        }
        return decode(z, labels == null ? new int[n] : labels, n);
    }
}
