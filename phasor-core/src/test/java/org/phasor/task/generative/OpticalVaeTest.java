package org.phasor.task.generative;

import org.junit.jupiter.api.Test;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.propagation.Propagator;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optical VAE's hand-derived gradient chain (camera → decoder → fibres → reparameterised latent + KL → coupler → encoder) against finite differences. */
class OpticalVaeTest {

    static OpticalVaeConfig tiny(boolean conditional, double beta) {
        return new OpticalVaeConfig(32, 8e-6, 532e-9, 1e-3, 1, 2, 2, 4, 16e-6, 48e-6, conditional, 0.4, beta, 14, 3);
    }

    static OpticalVae vae(OpticalVaeConfig c) {
        Propagator p = new Propagator(FftBackends.java(), msg -> { });
        return new OpticalVae(c, p, Precision.DOUBLE, 3);
    }

    static double[] images(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        return x;
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (boolean conditional : new boolean[]{false, true}) {
            for (double beta : new double[]{0, 2}) {
                check(conditional, beta);
            }
        }
    }

    void check(boolean conditional, double beta) {
        OpticalVae v = vae(tiny(conditional, beta));
        int n = 2;
        double[] x = images(n, 5);
        int[] labels = {3, 8};
        v.calibrate(x, labels, n);
        SplittableRandom rnd = new SplittableRandom(6);
        double[] eps = new double[2 * n * 4];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = rnd.nextGaussian() / Math.sqrt(2);
        }
        OpticalVae.Gradient g = v.newGradient();
        v.lossAndGradient(x, labels, 0, n, eps, g);
        String what = "conditional=" + conditional + " β=" + beta;
        double maxErr = 0;
        double maxG = 0;
        int[] pixels = {16 * 32 + 16, 14 * 32 + 17, 10 * 32 + 20, 20 * 32 + 9};
        for (int part = 0; part < 2; part++) {
            boolean encoder = part == 0;
            for (int layer = 0; layer < 2; layer++) {
                for (int p : pixels) {
                    double[] arr = (encoder ? v.state().encoder() : v.state().decoder()).layer(layer);
                    double an = (encoder ? g.encoder() : g.decoder()).layer(layer)[p];
                    double fd = fd(arr, p, () -> {
                        v.refreshParams();
                        return v.lossAndGradient(x, labels, 0, n, eps, null).total(beta);
                    });
                    v.refreshParams();
                    maxErr = Math.max(maxErr, Math.abs(fd - an));
                    maxG = Math.max(maxG, Math.abs(an));
                }
            }
        }
        assertTrue(maxG > 0, what + ": zero gradient");
        assertTrue(maxErr <= 1e-6 * maxG, what + ": phase gradient FD error " + maxErr + " of " + maxG);
        // camera gain α
        OpticalVae.State s0 = v.state();
        double h = 1e-5 * s0.cameraGain();
        double[] l = new double[2];
        for (int i = 0; i < 2; i++) {
            v.setState(new OpticalVae.State(s0.encoder(), s0.decoder(), s0.cameraGain() + (i == 0 ? h : -h), s0.latentGain()));
            l[i] = v.lossAndGradient(x, labels, 0, n, eps, null).total(beta);
        }
        v.setState(s0);
        double fdA = (l[0] - l[1]) / (2 * h);
        assertEquals(fdA, g.cameraGain()[0], 1e-6 * Math.abs(fdA) + 1e-9, what + ": camera gain");
    }

    static double fd(double[] p, int i, java.util.function.DoubleSupplier f) {
        double h = 1e-4;
        double v = p[i];
        double[] steps = {2 * h, h, -h, -2 * h};
        double[] l = new double[4];
        for (int s = 0; s < 4; s++) {
            p[i] = v + steps[s];
            l[s] = f.getAsDouble();
        }
        p[i] = v;
        return (-l[0] + 8 * l[1] - 8 * l[2] + l[3]) / (12 * h);
    }

    @Test
    void calibrationNormalisesLatentPowerAndKlIsTheCoupledPower() {
        OpticalVae v = vae(tiny(false, 1));
        double[] x = images(3, 9);
        v.calibrate(x, null, 3);
        double[] mu = v.encodeMean(x, null, 0, 3);
        double p = 0;
        for (double m : mu) {
            p += m * m;
        }
        assertEquals(1, p / (3 * 4), 1e-9, "E|μ|² = 1 after calibration");
        OpticalVae.Losses l = v.lossAndGradient(x, null, 0, 3, new double[2 * 3 * 4], null);
        double sigma = 0.4;
        assertEquals(p + 3 * 4 * (sigma * sigma - 1 - Math.log(sigma * sigma)), l.kl(), 1e-9);
    }

    @Test
    void badConfigurationsNameTheValue() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> vae(
                new OpticalVaeConfig(32, 8e-6, 532e-9, 1e-3, 1, 1, 1, 40, 16e-6, 48e-6, false, 0.4, 1, 14, 3)));
        assertTrue(tooMany.getMessage().contains("K=40"), tooMany.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () ->
                new OpticalVaeConfig(32, 8e-6, 532e-9, 1e-3, 1, 1, 1, 4, 16e-6, 48e-6, true, 0.4, 1, 28, 3));
        assertTrue(window.getMessage().contains("image_side 28"), window.getMessage());
    }
}
