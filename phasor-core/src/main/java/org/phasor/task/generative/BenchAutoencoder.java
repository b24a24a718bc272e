package org.phasor.task.generative;

import org.phasor.bench.Bench;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchCost;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.latent.FibreCoupler;
import org.phasor.optics.latent.FibreEmitter;

import java.util.Arrays;
import java.util.List;

/**
 * The whole optical VAE on two benches — the encoder bench (image on the input modulator, the encoder's phase
 * layers, the fibre coupler's plane as its camera plane) and the decoder bench (fibre emitter's field at its
 * input, the decoder's phase layers, the camera) — and the FFM gradient of the negative ELBO with respect to
 * both networks' phases, from measured fields only:
 * <ol>
 *   <li>encoder data pass: the field after every encoder modulator and the output field o_e (holography);
 *       coupled into the K fibres, c = A·o_e, μ = g·c (A: overlap integrals with the fibre modes — digital here,
 *       the fibres themselves in a lab);</li>
 *   <li>decoder data pass with z = μ + σ·ε (ε given: the programmed noise, fixed per call) launched through
 *       the emitter E; camera frames I, loss (784/S²)·Σ(α·I − x)², error field (∂L/∂I)·conj(o_d);</li>
 *   <li>decoder error pass: gradients −2·Im(m⊙v) at the decoder modulators and the co-field v_0 arriving back
 *       at the decoder's input plane, coupled back into the fibres: ζ = Eᵀ·v_0 (first K channels);</li>
 *   <li>conj(∂L/∂c*) = g·(ζ + β·conj(μ)) (the KL term's β|μ|², added digitally); the encoder's error field
 *       at its output plane is Aᵀ·conj(∂L/∂c*) — the fibres run backwards — injected in reverse through the
 *       encoder bench: gradients −2·Im(m⊙v) at the encoder modulators.</li>
 * </ol>
 * Only {@link Bench} operations (through {@link FullyForward}) reach the optics; the {@link OpticalVae} supplies
 * bookkeeping only (input layout, emitter fields, the reconstruction loss of a frame) and the fibre maps, which
 * are digital arithmetic on K numbers per item — never a propagation or a model adjoint. Launch powers are the
 * model's (scale 1); the latent gain g is the model's calibrated one.
 */
public final class BenchAutoencoder {

    /**
     * One measured gradient of the negative ELBO (reconstruction + β·kl, summed over the batch).
     *
     * @param encoder   ∂L/∂φ per encoder modulator ({@code encoder[l−1]}, modulator pixels, summed over the batch)
     * @param decoder   the same for the decoder modulators
     * @param mu        measured posterior means, n × K complex interleaved
     * @param intensity decoder camera frames (n × grid²)
     */
    public record Result(double reconstruction, double kl, double[][] encoder, double[][] decoder, double[] mu,
                         double[] intensity, BenchCost cost) {
        public double total(double beta) {
            return reconstruction + beta * kl;
        }
    }

    private final Bench encoderBench;
    private final Bench decoderBench;
    private final FullyForward encoder;
    private final FullyForward decoder;
    private final OpticalVae vae;
    private final FibreCoupler coupler;      // A: encoder output plane → K fibres
    private final FibreEmitter couplerBack;  // Aᵀ: the fibres launching back into the encoder's output plane
    private final FibreCoupler emitterBack;  // Eᵀ: the decoder's input plane coupling back into the fibres

    public BenchAutoencoder(Bench encoderBench, BenchCalibration encoderCalibration, Holography encoderHolo,
                            Bench decoderBench, BenchCalibration decoderCalibration, Holography decoderHolo,
                            OpticalVae vae) {
        OpticalVaeConfig c = vae.config();
        check(encoderBench.describe(), c.grid(), c.encoderLayers(), "encoder");
        check(decoderBench.describe(), c.grid(), c.decoderLayers(), "decoder");
        this.encoderBench = encoderBench;
        this.decoderBench = decoderBench;
        this.encoder = new FullyForward(encoderBench, encoderCalibration, encoderHolo, List.of());
        this.decoder = new FullyForward(decoderBench, decoderCalibration, decoderHolo, List.of());
        this.vae = vae;
        this.coupler = vae.coupler();
        this.couplerBack = coupler.reversed();
        this.emitterBack = vae.emitter().reversed();
    }

    private static void check(BenchDescription d, int grid, int layers, String what) {
        if (d.nx() != grid || d.ny() != grid || d.modulators() != layers) {
            throw new IllegalArgumentException("the " + what + " bench has " + d.nx() + "x" + d.ny() + " planes and "
                    + d.modulators() + " modulators, the " + what + " " + grid + "x" + grid + " and " + layers);
        }
    }

    /** Programs both benches with wanted phases (radians per modulator pixel) through their calibrations. */
    public void program(double[][] encoderPhases, double[][] decoderPhases) {
        encoder.program(encoderPhases);
        decoder.program(decoderPhases);
    }

    /**
     * The FFM gradient of the negative ELBO of images [from, from+n) of x with noise eps (n × K complex
     * interleaved, item b at 2·(b·K + k); the same ε {@link OpticalVae#lossAndGradient} takes) and camera gain
     * alpha, at the programmed phases.
     */
    public Result gradient(double[] x, int[] labels, int from, int n, double[] eps, double alpha) {
        BenchCost before = encoderBench.cost().plus(decoderBench.cost());
        OpticalVaeConfig cfg = vae.config();
        int g = cfg.grid();
        int k = cfg.channels();
        int kd = cfg.decoderChannels();
        double gain = vae.state().latentGain();
        double sigma = cfg.noiseSigma();
        double beta = cfg.klWeight();

        // 1. encoder data pass; the output field coupled into the fibres
        FullyForward.DataPass enc = encoder.dataPass(
                new ComplexFrames(n, g, g, vae.encoderInputs(x, labels, from, n)), false);
        ComplexArray channels = ComplexArray.zeros(Precision.DOUBLE, n, 1, k);
        coupler.apply(ComplexArray.fromInterleaved(Precision.DOUBLE, n, g, g, enc.output()), channels);
        double[] mu = new double[2 * n * k];
        double[] z = new double[2 * n * k];
        double kl = 0;
        double klConst = sigma * sigma - 1 - Math.log(sigma * sigma);
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < k; c++) {
                long i = channels.index(b, 0, c);
                int j = 2 * (b * k + c);
                mu[j] = gain * channels.re(i);
                mu[j + 1] = gain * channels.im(i);
                z[j] = mu[j] + sigma * eps[j];
                z[j + 1] = mu[j + 1] + sigma * eps[j + 1];
                kl += mu[j] * mu[j] + mu[j + 1] * mu[j + 1] + klConst;
            }
        }

        // 2. decoder data pass from the emitter's field; the reconstruction loss of the camera frames
        int[] batchLabels = labels == null ? null : Arrays.copyOfRange(labels, from, from + n);
        FullyForward.DataPass dec = decoder.dataPass(
                new ComplexFrames(n, g, g, vae.emitterFields(z, batchLabels, 0, n, 1)), true);
        double[] dLdI = new double[n * g * g];
        double rec = vae.reconstructionLoss(dec.intensity(), n, alpha, x, from, dLdI);
        double[] o = dec.output();
        double[] e = new double[o.length];
        for (int i = 0; i < dLdI.length; i++) {
            e[2 * i] = dLdI[i] * o[2 * i];
            e[2 * i + 1] = -dLdI[i] * o[2 * i + 1];
        }

        // 3. decoder error pass, on to its input plane; coupled back into the fibres: ζ = Eᵀ·v_0
        FullyForward.ErrorPass decErr = decoder.errorPass(dec, e, true);
        ComplexArray back = ComplexArray.zeros(Precision.DOUBLE, n, 1, kd);
        emitterBack.apply(ComplexArray.fromInterleaved(Precision.DOUBLE, n, g, g, decErr.inputCoField()), back);

        // 4. conj(∂L/∂c*) = g·(ζ + β·conj(μ)), launched back out of the coupler through the encoder bench
        ComplexArray fibreError = ComplexArray.zeros(Precision.DOUBLE, n, 1, k);
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < k; c++) {
                long i = back.index(b, 0, c);
                int j = 2 * (b * k + c);
                fibreError.set(fibreError.index(b, 0, c), gain * (back.re(i) + beta * mu[j]),
                        gain * (back.im(i) - beta * mu[j + 1]));
            }
        }
        ComplexArray encError = ComplexArray.zeros(Precision.DOUBLE, n, g, g);
        couplerBack.apply(fibreError, encError);
        FullyForward.ErrorPass encErr = encoder.errorPass(enc, encError.toInterleaved(), false);
        BenchCost after = encoderBench.cost().plus(decoderBench.cost());
        return new Result(rec, kl, encErr.gradient(), decErr.gradient(), mu, dec.intensity(), after.minus(before));
    }
}
