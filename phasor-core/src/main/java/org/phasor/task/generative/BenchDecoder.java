package org.phasor.task.generative;

import org.phasor.bench.Bench;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchCost;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.Injection;
import org.phasor.bench.ReferenceArm;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The optical VAE's decoder (fibre emitter → diffractive decoder → camera) run on a {@link Bench}: the emitter's
 * field is launched at the bench's input plane, the decoder phases are programmed on the bench's modulators
 * through the measured {@link BenchCalibration}, images are camera frames binned like {@link OpticalVae#decode}.
 * In-situ training ({@link #train}) uses {@link FullyForward}: the data pass and the error pass launched back from the camera
 * are measured by holography, gradients −2·Im(u⊙v) are mapped to modulator pixels by the measured registration.
 *
 * <p>Only {@link Bench} operations reach the optics. The {@link OpticalVae} is used for digital bookkeeping
 * only — which channel amplitudes the fibres carry ({@link OpticalVae#emitterFields}), how a frame becomes an
 * image, the reconstruction loss of a frame — never for a propagation.
 *
 * <p>The launch power is a lab setting: {@link #setExposure} scales the launched fields so the brightest camera
 * pixels sit at a chosen intensity (in the bench's calibrated units), as one sets a laser power for a camera's
 * range. The camera gain α (a digital exposure scale) is then fitted on the bench by least squares.
 */
public final class BenchDecoder {
    /**
     * Bench training settings: Adam steps on the decoder phases, training images per step.
     *
     * @param noWrap keep every wanted phase inside the modulator's measured range [0, range] (projected after each
     *               step, the start moved there without changing its levels), so no pixel ever jumps across the
     *               device's phase wrap: the SLM's pixel crosstalk blurs the phase itself, and a pixel crossing the
     *               wrap (a ~2π jump in drive) smears a large error onto its neighbours that the measured gradient
     *               knows nothing about
     * @param recalibrateEvery re-measure the calibration (SLM responses and camera↔SLM registrations) every this
     *               many steps (0 = never): the modulators drift with camera time, and the measured gradient is
     *               mapped to modulator pixels through the registration
     */
    public record Settings(int steps, int batch, double learningRate, int logEvery, long seed, boolean noWrap,
                           int recalibrateEvery) {
        public Settings {
            if (steps < 0 || batch < 1 || !(learningRate > 0) || logEvery < 1 || recalibrateEvery < 0) {
                throw new IllegalArgumentException("bad bench fine-tuning settings: steps " + steps + ", batch " + batch
                        + ", learning rate " + learningRate + ", log every " + logEvery);
            }
        }
    }

    /** Mean bench-measured reconstruction loss per image over the logged steps, and frames used so far. */
    public record LogEntry(long step, double reconstruction, double cameraGain, long frames, double seconds) {
    }

    /** Trained phases (wanted phases per modulator pixel), the final camera gain, the curve, the bench cost. */
    public record Result(double[][] phases, double cameraGain, List<LogEntry> curve, BenchCost cost) {
    }

    private static final int CHUNK = 50;
    private final Bench bench;
    private final BenchDescription d;
    private final OpticalVae vae;
    private final Holography holo;
    private FullyForward ffm;
    private BenchCalibration calibration;
    private double launchScale = 1;

    public BenchDecoder(Bench bench, BenchCalibration calibration, Holography holo, OpticalVae vae) {
        this.bench = bench;
        this.d = bench.describe();
        this.vae = vae;
        OpticalVaeConfig c = vae.config();
        if (d.nx() != c.grid() || d.ny() != c.grid()) {
            throw new IllegalArgumentException("bench planes are " + d.nx() + "x" + d.ny() + ", the decoder's are "
                    + c.grid() + "x" + c.grid());
        }
        if (d.modulators() != c.decoderLayers()) {
            throw new IllegalArgumentException("bench has " + d.modulators() + " modulators, the decoder "
                    + c.decoderLayers() + " phase layers");
        }
        this.holo = holo;
        this.ffm = new FullyForward(bench, calibration, holo, List.of());
        this.calibration = calibration;
    }

    public OpticalVae vae() {
        return vae;
    }

    /** The amplitude factor applied to every launched field (set by {@link #setExposure}). */
    public double launchScale() {
        return launchScale;
    }

    /** Programs the decoder phases (radians per modulator pixel) through the measured calibration. */
    public void program(double[][] phases) {
        ffm.program(phases);
    }

    private ComplexFrames fields(double[] z, int[] labels, int from, int n) {
        int g = vae.config().grid();
        return new ComplexFrames(n, g, g, vae.emitterFields(z, labels, from, n, launchScale));
    }

    /** Output camera frames (n × grid², calibrated intensity) of latents z, in chunks; the reference blocked. */
    public double[] frames(double[] z, int[] labels, int n) {
        int px = d.planeSize();
        double[] out = new double[n * px];
        bench.setReference(ReferenceArm.BLOCKED);
        for (int s = 0; s < n; s += CHUNK) {
            int m = Math.min(CHUNK, n - s);
            double[] f = bench.capture(Injection.inputs(fields(z, labels, s, m)), d.outputPlane()).values();
            System.arraycopy(f, 0, out, s * px, m * px);
        }
        return out;
    }

    /** Generated 28×28 images α·I of latents z with the programmed phases. */
    public double[] images(double[] z, int[] labels, int n, double alpha) {
        return vae.imagesFromFrames(frames(z, labels, n), n, alpha);
    }

    /**
     * Chooses the launch power: captures the output of latents z at the current scale and rescales the launch so
     * that the items' brightest pixels average {@code peak} (calibrated intensity units). Returns the new scale.
     */
    public double setExposure(double[] z, int[] labels, int n, double peak) {
        double[] f = frames(z, labels, n);
        int px = d.planeSize();
        double mean = 0;
        for (int b = 0; b < n; b++) {
            double max = 0;
            for (int i = b * px; i < (b + 1) * px; i++) {
                max = Math.max(max, f[i]);
            }
            mean += max / n;
        }
        if (!(mean > 0)) {
            throw new IllegalStateException("exposure: the camera sees no light from the decoder");
        }
        launchScale *= Math.sqrt(peak / mean);
        return launchScale;
    }

    /** Least-squares camera gain of the programmed decoder: frames of latents z against images x. */
    public double fitCameraGain(double[] z, int[] labels, double[] x, int n) {
        return vae.fitCameraGain(frames(z, labels, n), n, x, 0);
    }

    /**
     * FFM training of the decoder phases on the bench from {@code init} (an in-silico design: fine-tuning; or
     * initial random phases: training in situ from scratch): each step draws a batch of training images, launches
     * z = μ + σ·ε (μ the posterior means of the images, given; ε fresh circular Gaussian noise, σ the model's),
     * measures the FFM gradient of the reconstruction term (the decoder's part of the negative ELBO: the KL term
     * does not depend on the decoder) and takes an Adam step. The camera gain α follows its least-squares value
     * on the measured frames (moving average over steps), as the in-silico training trains it.
     *
     * @param mu     posterior means, n × K complex interleaved
     * @param labels class of each image (conditional decoders; may be null otherwise)
     * @param x      the images (n × 784 in [0, 1]), their own targets
     */
    public Result train(Settings s, double[] mu, int[] labels, double[] x, int n, double[][] init, double alpha,
                           Consumer<LogEntry> log) {
        BenchCost before = bench.cost();
        double[][] phases = new double[init.length][];
        int[] sizes = new int[init.length];
        for (int l = 0; l < init.length; l++) {
            phases[l] = init[l].clone();
            sizes[l] = phases[l].length;
        }
        double[] range = new double[init.length];
        for (int l = 0; l < init.length; l++) {
            range[l] = calibration.responses().get(l).range();
            if (s.noWrap()) {
                for (int i = 0; i < phases[l].length; i++) {
                    phases[l][i] = calibration.responses().get(l).intoRange(phases[l][i]);
                }
            }
        }
        Adam opt = new Adam(sizes, LearningRateSchedule.constant(s.learningRate()));
        SplittableRandom rnd = new SplittableRandom(s.seed());
        int k = vae.config().channels();
        double sigma = vae.config().noiseSigma();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int pos = n;
        int b = s.batch();
        double[] bx = new double[b * 784];
        int[] by = new int[b];
        double[] bz = new double[2 * b * k];
        double a = alpha;
        List<LogEntry> curve = new ArrayList<>();
        double rec = 0;
        int seen = 0;
        long t0 = System.nanoTime();
        for (long step = 1; step <= s.steps(); step++) {
            for (int i = 0; i < b; i++) {
                if (pos == n) {
                    shuffle(order, rnd);
                    pos = 0;
                }
                int j = order[pos++];
                System.arraycopy(x, j * 784, bx, i * 784, 784);
                by[i] = labels == null ? 0 : labels[j];
                for (int c = 0; c < 2 * k; c++) {
                    bz[2 * i * k + c] = mu[2 * j * k + c] + sigma * rnd.nextGaussian() / Math.sqrt(2);
                }
            }
            if (s.recalibrateEvery() > 0 && step > 1 && (step - 1) % s.recalibrateEvery() == 0) {
                calibration = BenchCalibration.measure(bench, holo, 8, 4);
                ffm = new FullyForward(bench, calibration, holo, List.of());
            }
            ffm.program(phases);
            double alphaNow = a;
            FullyForward.Result r = ffm.gradient(fields(bz, by, 0, b),
                    (intensity, batch, pixels, g) -> vae.reconstructionLoss(intensity, batch, alphaNow, bx, 0, g));
            for (int l = 0; l < r.gradient().length; l++) {
                double[] g = r.gradient()[l];
                for (int i = 0; i < g.length; i++) {
                    g[i] /= b;
                }
            }
            opt.step(phases, r.gradient());
            if (s.noWrap()) {
                for (int l = 0; l < phases.length; l++) {
                    for (int i = 0; i < phases[l].length; i++) {
                        phases[l][i] = Math.clamp(phases[l][i], 0, range[l]);
                    }
                }
            }
            double fit = vae.fitCameraGain(r.intensity(), b, bx, 0);
            a = 0.9 * a + 0.1 * fit;
            rec += r.loss();
            seen += b;
            if (step % s.logEvery() == 0 || step == s.steps()) {
                LogEntry e = new LogEntry(step, rec / seen, a, bench.cost().minus(before).frames(),
                        (System.nanoTime() - t0) * 1e-9);
                curve.add(e);
                log.accept(e);
                rec = 0;
                seen = 0;
            }
        }
        ffm.program(phases);
        return new Result(phases, a, curve, bench.cost().minus(before));
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
