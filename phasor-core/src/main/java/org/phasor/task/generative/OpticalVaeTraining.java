package org.phasor.task.generative;

import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;
import org.phasor.train.optim.Optimizer;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * In-silico training of an {@link OpticalVae} on the negative ELBO (no labels needed for the unconditional
 * model; the conditional one receives the class as light, never as a target). Adam over every phase layer and
 * the camera gain; seeded shuffling and latent noise, so the same config and seed give the same numbers.
 */
public final class OpticalVaeTraining {

    /** Settings of one training run. */
    public record Settings(int epochs, int batch, double learningRate, long seed) {
        public Settings {
            if (epochs < 0 || batch < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("bad training settings: epochs " + epochs + ", batch " + batch
                        + ", learning rate " + learningRate);
            }
        }
    }

    /** Mean losses per image after each logged step (epoch or partial epoch). */
    public record LogEntry(int epoch, long step, double reconstruction, double kl, double seconds) {
    }

    private OpticalVaeTraining() {
    }

    /**
     * Trains on images x (n × 784 in [0, 1]) with labels (null for unconditional configs). Reports one entry per
     * {@code logEvery} steps and one at each epoch end to {@code log}. Returns the number of steps done.
     */
    public static long train(OpticalVae vae, double[] x, int[] labels, int n, Settings s, int logEvery,
                             Consumer<LogEntry> log) {
        OpticalVae.State st = vae.state();
        int le = st.encoder().layerCount();
        int ld = st.decoder().layerCount();
        int[] sizes = new int[le + ld + 1];
        double[][] params = new double[le + ld + 1][];
        double[] alpha = {st.cameraGain()};
        for (int l = 0; l < le; l++) {
            params[l] = st.encoder().layer(l);
            sizes[l] = params[l].length;
        }
        for (int l = 0; l < ld; l++) {
            params[le + l] = st.decoder().layer(l);
            sizes[le + l] = params[le + l].length;
        }
        params[le + ld] = alpha;
        sizes[le + ld] = 1;
        Optimizer opt = new Adam(sizes, LearningRateSchedule.constant(s.learningRate()));
        OpticalVae.Gradient g = vae.newGradient();
        double[][] grads = new double[le + ld + 1][];
        for (int l = 0; l < le; l++) {
            grads[l] = g.encoder().layer(l);
        }
        for (int l = 0; l < ld; l++) {
            grads[le + l] = g.decoder().layer(l);
        }
        grads[le + ld] = g.cameraGain();
        SplittableRandom rnd = new SplittableRandom(s.seed());
        int k = vae.config().channels();
        int[] order = new int[n];
        double[] batchX = new double[s.batch() * 784];
        int[] batchY = new int[s.batch()];
        double[] eps = new double[2 * s.batch() * k];
        long step = 0;
        long t0 = System.nanoTime();
        for (int e = 1; e <= s.epochs(); e++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double rec = 0;
            double kl = 0;
            int seen = 0;
            for (int b0 = 0; b0 < n; b0 += s.batch()) {
                int m = Math.min(s.batch(), n - b0);
                for (int b = 0; b < m; b++) {
                    System.arraycopy(x, order[b0 + b] * 784, batchX, b * 784, 784);
                    batchY[b] = labels == null ? 0 : labels[order[b0 + b]];
                }
                for (int i = 0; i < 2 * m * k; i++) {
                    eps[i] = rnd.nextGaussian() / Math.sqrt(2); // circular complex noise of unit variance
                }
                g.clear();
                OpticalVae.Losses l = vae.lossAndGradient(batchX, batchY, 0, m, eps, g);
                for (double[] gr : grads) {
                    for (int i = 0; i < gr.length; i++) {
                        gr[i] /= m;
                    }
                }
                opt.step(params, grads);
                vae.setState(new OpticalVae.State(st.encoder(), st.decoder(), alpha[0], st.latentGain()));
                step++;
                rec += l.reconstruction();
                kl += l.kl();
                seen += m;
                boolean end = b0 + m >= n;
                if (end || (logEvery > 0 && step % logEvery == 0)) {
                    log.accept(new LogEntry(e, step, rec / seen, kl / seen, (System.nanoTime() - t0) * 1e-9));
                    rec = 0;
                    kl = 0;
                    seen = 0;
                }
            }
        }
        return step;
    }
}
