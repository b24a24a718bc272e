package org.phasor.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.Holography;
import org.phasor.math.Precision;
import org.phasor.model.Params;
import org.phasor.task.generative.BenchAutoencoder;
import org.phasor.task.generative.OpticalVae;
import org.phasor.task.generative.OpticalVaeConfig;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole optical VAE on two ideal benches ({@link BenchAutoencoder}): the FFM gradient of the negative ELBO
 * (encoder bench → measured field coupled into the fibres → μ + σε through the emitter → decoder bench → camera;
 * error passes back through the decoder to its input plane, into the fibres, plus the KL term, out of the coupler
 * and back through the encoder) equals {@link OpticalVae#lossAndGradient}'s for encoder and decoder phases, with
 * the same fixed noise ε.
 */
class OpticalVaeAutoencoderFfmTest {
    static final double TOL = 1e-6;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ffmGradientOfTheWholeAutoencoderEqualsTheModels(boolean conditional) {
        int n = 32;
        int layers = 2;
        double dz = 1e-3;
        double beta = 10; // large enough that the KL term is a sizeable part of the encoder gradient
        OpticalVaeConfig cfg = new OpticalVaeConfig(n, 8e-6, 532e-9, dz, 2, layers, layers, 4, 16e-6, 48e-6,
                conditional, 0.4, beta, 14, 3);
        int batch = 2;
        OpticalVae vae = new OpticalVae(cfg, Rig.PROP, Precision.DOUBLE, batch);
        SplittableRandom rnd = new SplittableRandom(8);
        double[] x = new double[batch * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        int[] labels = conditional ? new int[]{3, 7} : null;
        double[] eps = new double[2 * batch * cfg.channels()];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = rnd.nextGaussian() / Math.sqrt(2);
        }
        vae.calibrate(x, labels, batch);
        // phases on the 8-bit level grid, so the benches show exactly the phases the model uses
        OpticalVae.State s = vae.state();
        double[][] enc = onLevels(s.encoder());
        double[][] dec = onLevels(s.decoder());
        vae.setState(new OpticalVae.State(new Params(enc), new Params(dec), s.cameraGain(), s.latentGain()));

        OpticalVae.Gradient model = vae.newGradient();
        OpticalVae.Losses losses = vae.lossAndGradient(x, labels, 0, batch, eps, model);
        // the same model without the KL term: the encoder gradient's reconstruction part alone
        OpticalVae noKl = new OpticalVae(cfg.withKlWeight(0), Rig.PROP, Precision.DOUBLE, batch);
        noKl.setState(vae.state());
        OpticalVae.Gradient recOnly = noKl.newGradient();
        noKl.lossAndGradient(x, labels, 0, batch, eps, recOnly);

        SimulatedBench encBench = new SimulatedBench(description("optical VAE encoder", n, layers, dz),
                Imperfections.NONE, Rig.PROP);
        SimulatedBench decBench = new SimulatedBench(description("optical VAE decoder", n, layers, dz),
                Imperfections.NONE, Rig.PROP);
        BenchAutoencoder ae = new BenchAutoencoder(
                encBench, BenchCalibration.nominal(encBench.describe()), new Holography(4, layers + 2),
                decBench, BenchCalibration.nominal(decBench.describe()), new Holography(4, layers + 2), vae);
        ae.program(enc, dec);
        BenchAutoencoder.Result r = ae.gradient(x, labels, 0, batch, eps, vae.state().cameraGain());

        assertEquals(losses.reconstruction(), r.reconstruction(), 1e-9 * losses.reconstruction(), "reconstruction");
        assertEquals(losses.kl(), r.kl(), 1e-9 * Math.abs(losses.kl()), "KL");
        double[][] gEnc = model.encoder().layers();
        double[][] gDec = model.decoder().layers();
        double encRel = relative(r.encoder(), gEnc);
        double decRel = relative(r.decoder(), gDec);
        System.out.printf("whole-autoencoder FFM vs model (conditional %s): encoder %.3e, decoder %.3e%n",
                conditional, encRel, decRel);
        assertTrue(norm(gEnc) > 0 && norm(gDec) > 0, "model gradients are zero: the test would be vacuous");
        assertTrue(encRel <= TOL, "encoder: FFM vs model relative L2 error " + encRel);
        assertTrue(decRel <= TOL, "decoder: FFM vs model relative L2 error " + decRel);

        // not vacuous: both parts of the encoder gradient (through the decoder, ζ = Eᵀv₀, and the KL's β·μ) are
        // large enough that changing either one's factor by 1e-5 moves the gradient by more than the tolerance
        double[][] gRec = recOnly.encoder().layers();
        double[][] gKl = combine(gEnc, 1, gRec, -1);
        double fRec = norm(gRec) / norm(gEnc);
        double fKl = norm(gKl) / norm(gEnc);
        double d = 1e-5;
        double perturbedKl = relative(r.encoder(), combine(gRec, 1, gKl, 1 + d));
        double perturbedRec = relative(r.encoder(), combine(gRec, 1 + d, gKl, 1));
        double perturbedDec = relative(r.decoder(), combine(gDec, 1 + d, gDec, 0));
        System.out.printf("encoder gradient parts: through the decoder %.3f, KL %.3f; factor × (1 + 1e-5) gives"
                + " KL %.2e, through the decoder %.2e, decoder %.2e%n", fRec, fKl, perturbedKl, perturbedRec,
                perturbedDec);
        assertTrue(fRec > 0.1 && fKl > 0.1, "encoder gradient parts: reconstruction " + fRec + ", KL " + fKl);
        assertTrue(perturbedKl > TOL && perturbedRec > TOL && perturbedDec > TOL,
                "a 1e-5 change of a factor must fail the check: KL " + perturbedKl + ", through the decoder "
                        + perturbedRec + ", decoder " + perturbedDec);
    }

    private static BenchDescription description(String name, int n, int layers, double z) {
        double[] dist = new double[layers + 1];
        Arrays.fill(dist, z);
        return new BenchDescription(name, n, n, 8e-6, 532e-9, dist, layers, 256, 1.0 / 42);
    }

    private static double[][] onLevels(Params p) {
        double[][] out = new double[p.layers().length][];
        for (int l = 0; l < out.length; l++) {
            out[l] = p.layer(l).clone();
            for (int i = 0; i < out[l].length; i++) {
                long lvl = Math.floorMod(Math.round(out[l][i] * 256 / (2 * Math.PI)), 256L);
                out[l][i] = 2 * Math.PI * lvl / 256;
            }
        }
        return out;
    }

    private static double[][] combine(double[][] a, double ca, double[][] b, double cb) {
        double[][] out = new double[a.length][];
        for (int l = 0; l < a.length; l++) {
            out[l] = new double[a[l].length];
            for (int i = 0; i < a[l].length; i++) {
                out[l][i] = ca * a[l][i] + cb * b[l][i];
            }
        }
        return out;
    }

    private static double norm(double[][] a) {
        double s = 0;
        for (double[] l : a) {
            for (double v : l) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** ‖measured − reference‖ / ‖reference‖ over all layers. */
    private static double relative(double[][] measured, double[][] reference) {
        return norm(combine(measured, 1, reference, -1)) / norm(reference);
    }
}
