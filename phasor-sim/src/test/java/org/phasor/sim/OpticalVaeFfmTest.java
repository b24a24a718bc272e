package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.IntensityObjective;
import org.phasor.math.Precision;
import org.phasor.model.Params;
import org.phasor.task.generative.OpticalVae;
import org.phasor.task.generative.OpticalVaeConfig;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optical VAE's decoder run as a bench: on the ideal bench, the FFM gradient of the reconstruction term
 * (data pass from the fibre emitter's field, error pass launched back from the camera, both measured by
 * holography) equals the gradient {@link OpticalVae#lossAndGradient} computes with the model's transpose pass.
 */
class OpticalVaeFfmTest {

    @Test
    void ffmDecoderGradientEqualsTheModelsOnTheIdealBench() {
        int n = 32;
        int layers = 2;
        double z = 1e-3;
        OpticalVaeConfig cfg = new OpticalVaeConfig(n, 8e-6, 532e-9, z, 2, 1, layers, 4, 16e-6, 48e-6, false, 0.4, 0,
                14, 3);
        OpticalVae vae = new OpticalVae(cfg, Rig.PROP, Precision.DOUBLE, 2);
        int batch = 2;
        SplittableRandom rnd = new SplittableRandom(8);
        double[] x = new double[batch * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        vae.calibrate(x, null, batch);
        // decoder phases on the 8-bit level grid, so the bench shows exactly the phases the model uses
        OpticalVae.State s = vae.state();
        double[][] dec = new double[layers][];
        for (int l = 0; l < layers; l++) {
            dec[l] = s.decoder().layer(l).clone();
            for (int i = 0; i < dec[l].length; i++) {
                long lvl = Math.floorMod(Math.round(dec[l][i] * 256 / (2 * Math.PI)), 256L);
                dec[l][i] = 2 * Math.PI * lvl / 256;
            }
        }
        vae.setState(new OpticalVae.State(s.encoder(), new Params(dec), s.cameraGain(), s.latentGain()));

        // model gradient with the noise switched off: z = μ
        OpticalVae.Gradient g = vae.newGradient();
        vae.lossAndGradient(x, null, 0, batch, new double[2 * batch * cfg.channels()], g);

        // the bench: the emitter's field at the fibres' far face is the launched input
        double[] mu = vae.encodeMean(x, null, 0, batch);
        ComplexFrames field = new ComplexFrames(batch, n, n, vae.emitterFields(mu, null, 0, batch, 1));
        double[] dist = new double[layers + 1];
        Arrays.fill(dist, z);
        BenchDescription d = new BenchDescription("optical VAE decoder", n, n, 8e-6, 532e-9, dist, layers, 256, 1.0 / 42);
        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        FullyForward ffm = new FullyForward(bench, BenchCalibration.nominal(d), new Holography(4, layers + 2), List.of());
        ffm.program(dec);
        double alpha = vae.state().cameraGain();
        // the reconstruction term as a loss of camera frames, as the bench trainer (BenchDecoder) uses it
        IntensityObjective reconstruction = (intensity, b, pixels, dLdI) ->
                vae.reconstructionLoss(intensity, b, alpha, x, 0, dLdI);
        FullyForward.Result measured = ffm.gradient(field, reconstruction);
        double num = 0;
        double den = 0;
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < n * n; i++) {
                double diff = measured.gradient()[l][i] - g.decoder().layer(l)[i];
                num += diff * diff;
                den += g.decoder().layer(l)[i] * g.decoder().layer(l)[i];
            }
        }
        assertTrue(den > 0, "model gradient is zero: the test would be vacuous");
        double rel = Math.sqrt(num / den);
        assertTrue(rel <= 1e-6, "FFM vs model decoder gradient, relative L2 error " + rel);
    }
}
