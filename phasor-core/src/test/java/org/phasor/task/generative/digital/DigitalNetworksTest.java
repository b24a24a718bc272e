package org.phasor.task.generative.digital;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written backprop of the digital baselines against finite differences; weights round-trip. */
class DigitalNetworksTest {

    /** Fourth-order central difference of f with respect to p[i]. */
    static double fd(double[] p, int i, DoubleSupplier f, Runnable sync) {
        double h = 1e-4;
        double v = p[i];
        double[] l = new double[4];
        double[] steps = {2 * h, h, -h, -2 * h};
        for (int s = 0; s < 4; s++) {
            p[i] = v + steps[s];
            sync.run();
            l[s] = f.getAsDouble();
        }
        p[i] = v;
        sync.run();
        return (-l[0] + 8 * l[1] - 8 * l[2] + l[3]) / (12 * h);
    }

    static void assertClose(double fd, double an, double scale, String what) {
        assertTrue(Math.abs(fd - an) <= 1e-6 * scale, what + ": FD " + fd + " vs backprop " + an + " (scale " + scale + ")");
    }

    @Test
    void mlpGradientsMatchFiniteDifferences() {
        Mlp net = new Mlp(new int[]{7, 6, 5, 3},
                new Mlp.Activation[]{Mlp.Activation.TANH, Mlp.Activation.SIGMOID, Mlp.Activation.IDENTITY}, 3);
        SplittableRandom rnd = new SplittableRandom(9);
        int batch = 4;
        double[] x = new double[batch * 7];
        double[] w = new double[batch * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextGaussian();
        }
        // L = Σ w·out²: not linear in the output, so the test sees the whole chain rule
        DoubleSupplier loss = () -> {
            double[] o = net.forward(x, batch).output();
            double s = 0;
            for (int i = 0; i < o.length; i++) {
                s += w[i] * o[i] * o[i];
            }
            return s;
        };
        net.zeroGrad();
        Mlp.Pass pass = net.forward(x, batch);
        double[] dOut = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            dOut[i] = 2 * w[i] * pass.output()[i];
        }
        double[] dx = net.backward(pass, dOut);
        double scale = 0;
        for (double g : net.grads()) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int i = 0; i < net.params().length; i++) {
            assertClose(fd(net.params(), i, loss, () -> { }), net.grads()[i], scale, "param " + i);
        }
        for (int i = 0; i < x.length; i++) {
            assertClose(fd(x, i, loss, () -> { }), dx[i], scale, "input " + i);
        }
    }

    @Test
    void vaeGradientsThroughReparameterisationAndKl() {
        for (int classes : new int[]{0, 3}) {
            DigitalVae vae = new DigitalVae(2, 5, classes, 11);
            SplittableRandom rnd = new SplittableRandom(12);
            int n = 2;
            double[] x = new double[n * DigitalVae.PIXELS];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble();
            }
            int[] labels = {1, 2};
            double[] eps = {0.3, -1.2, 0.8, 0.5};
            double beta = 0.7;
            vae.encoder().zeroGrad();
            vae.decoder().zeroGrad();
            vae.loss(x, labels, eps, n, beta, true);
            for (Mlp part : new Mlp[]{vae.encoder(), vae.decoder()}) {
                double scale = 0;
                for (double g : part.grads()) {
                    scale = Math.max(scale, Math.abs(g));
                }
                // a spread of parameters: every layer's weights and biases are visited
                for (int i = 0; i < part.params().length; i += 37) {
                    double f = fd(part.params(), i, () -> vae.loss(x, labels, eps, n, beta, false), () -> { });
                    assertClose(f, part.grads()[i], scale, (part == vae.encoder() ? "encoder" : "decoder")
                            + " param " + i + " classes=" + classes);
                }
                int last = part.params().length - 1; // output bias of (μ, log σ²): reparameterisation and KL terms
                double f = fd(part.params(), last, () -> vae.loss(x, labels, eps, n, beta, false), () -> { });
                assertClose(f, part.grads()[last], scale, "last bias classes=" + classes);
            }
        }
    }

    @Test
    void klTermAloneMatchesClosedForm() {
        // with a zero-output decoder the loss is 784·n·log 2 (BCE at logit 0) + β·KL, independent of x
        DigitalVae vae = new DigitalVae(1, 1, 0, 1);
        java.util.Arrays.fill(vae.decoder().params(), 0);
        double[] p = vae.encoder().params();
        java.util.Arrays.fill(p, 0);
        p[p.length - 2] = 0.5;  // μ bias
        p[p.length - 1] = -0.4; // log σ² bias
        double[] x = new double[DigitalVae.PIXELS];
        double kl = 0.5 * (0.25 + Math.exp(-0.4) - 1 + 0.4);
        double l = vae.loss(x, new int[1], new double[]{0.9}, 1, 2.0, false);
        assertEquals(784 * Math.log(2) + 2.0 * kl, l, 1e-9);
    }

    @Test
    void weightsRoundTripThroughNpy(@TempDir Path dir) throws Exception {
        FeatureClassifier c = new FeatureClassifier(5);
        Path f = dir.resolve("clf.npy");
        c.save(f);
        FeatureClassifier back = FeatureClassifier.load(f);
        double[] a = c.net().params();
        double[] b = back.net().params();
        for (int i = 0; i < a.length; i++) {
            assertEquals((float) a[i], b[i], 0.0, "float32 round trip");
        }
        assertArrayEquals(new double[]{1.5, -2}, roundTrip(dir, new double[]{1.5, -2}), 0.0);
    }

    static double[] roundTrip(Path dir, double[] v) throws Exception {
        Path f = dir.resolve("v.npy");
        NpyVector.write(f, v);
        return NpyVector.read(f);
    }

    @Test
    void classifierLearnsASeparableToyTask() {
        // two classes: bright left half vs bright right half, with noise; a working trainer reaches ~100 %
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 400;
        float[] img = new float[n * 784];
        int[] lab = new int[n];
        for (int i = 0; i < n; i++) {
            lab[i] = i % 2;
            for (int p = 0; p < 784; p++) {
                boolean left = p % 28 < 14;
                img[i * 784 + p] = (float) Math.min(1, Math.max(0, ((left == (lab[i] == 0)) ? 0.6 : 0.2) + 0.3 * rnd.nextGaussian()));
            }
        }
        FeatureClassifier c = new FeatureClassifier(1);
        double[] acc = new double[1];
        c.train(img, lab, 3, 32, 1e-3, 4, e -> acc[0] = e.trainAccuracy());
        assertTrue(acc[0] > 0.95, "toy accuracy " + acc[0]);
    }
}
