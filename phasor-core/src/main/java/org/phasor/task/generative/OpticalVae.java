package org.phasor.task.generative;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.NetworkWorkspace;
import org.phasor.model.Params;
import org.phasor.model.PhaseModulation;
import org.phasor.model.Readout;
import org.phasor.optics.Grid;
import org.phasor.optics.latent.FibreCoupler;
import org.phasor.optics.latent.FibreEmitter;
import org.phasor.optics.latent.FibreFace;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An all-optical variational autoencoder with an optical latent space (LightGen/PED style):
 * <pre>
 *   image x ──SLM amplitude──▶ encoder (L_e phase layers) ──▶ fibre coupler A: c = A·o_enc (K channels)
 *   μ = g·c,  z = μ + σ·ε  (ε ~ CN(0, I): a programmed coherent noise source injected into the fibres)
 *   w = [z, class channels] ──fibre emitter E──▶ decoder (L_d phase layers) ──▶ camera I ──▶ x̂ = α·I
 * </pre>
 * The latent is complex: each fibre carries one complex amplitude. The posterior is q(z|x) = CN(μ(x), σ²I) with
 * a <em>fixed, physical</em> σ (the injected noise power; PED uses the channel noise the same way), the prior is
 * CN(0, I). g is a fixed calibration gain (amplitude unit of the channels, set once from training images so
 * that initially E|μ|² ≈ 1), α is the camera gain (trained, a digital exposure scale).
 *
 * <h2>Ground-truth-free objective (negative ELBO per image)</h2>
 * <pre>
 *   L = (784/S²)·Σ_p (α·I_p(z) − x_p)²  +  β·Σ_k (|μ_k|² + σ² − 1 − ln σ²)
 * </pre>
 * The first term is −log p(x|z) for a Gaussian likelihood up to constants (the image is its own target: no
 * labels, no paired images), the second is KL(CN(μ, σ²) ‖ CN(0, 1)) per complex channel. With σ fixed, the KL's
 * only parameter-dependent part is |μ|², the power coupled into the fibres.
 *
 * <h2>How each gradient reaches the optics (e = conj(∂L/∂·*) is what is launched backwards)</h2>
 * <ol>
 *   <li>Camera: e_q = ∂L/∂I_q·conj(o_q), ∂L/∂I_q = (784/S²)·2α(αI_q − x_q); the decoder's transpose pass gives
 *       the phase gradients −2·Im(m_l ⊙ v_l) and the co-field v_0 = M_dᵀe at the emitter face.</li>
 *   <li>Fibres, far end: conj(∂L/∂w*) = Eᵀ·v_0 — the co-field coupled back into the fibres (Eᵀ is the coupler
 *       on the same face: reciprocity); the first K entries are ζ = conj(∂L/∂z*).</li>
 *   <li>Reparameterisation z = μ + σε (σ, ε independent of μ): ∂L/∂μ* = ∂L/∂z* + β·μ (KL: ∂|μ|²/∂μ* = μ).</li>
 *   <li>Fibres, near end: conj(∂L/∂c*) = g·(ζ + β·conj(μ)); launched backwards out of the coupler,
 *       Aᵀ·conj(∂L/∂c*) is the encoder's error field at its output plane; the encoder's transpose pass gives its
 *       phase gradients.</li>
 * </ol>
 * Every step is a transpose of a reciprocal element, so a bench can run it as a physical error pass (FFM); the
 * digital pieces are the scalar ∂L/∂I at the camera and the β·μ term added at the fibres.
 *
 * <p>Mutable: owns the workspaces of its two networks (one training loop per instance).
 */
public final class OpticalVae {
    /**
     * Amplitude of the lit reserved class channel in the conditional variant (latent units). Chosen so the class
     * light carries more power than the K latent fibres together (E|z|² ≈ 1 + σ² each): with 1 or 3 the decoder
     * largely ignored the class (docs/results.md).
     */
    public static final double CLASS_AMPLITUDE = 5.0;
    private static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;

    /** Parameters: phases of both networks, camera gain α (trained), latent gain g (calibrated, fixed). */
    public record State(Params encoder, Params decoder, double cameraGain, double latentGain) {
        public State copy() {
            return new State(encoder.copy(), decoder.copy(), cameraGain, latentGain);
        }
    }

    /** Gradient accumulators with the shapes of {@link State}. */
    public record Gradient(Params encoder, Params decoder, double[] cameraGain) {
        public void clear() {
            for (double[] a : encoder.layers()) {
                java.util.Arrays.fill(a, 0);
            }
            for (double[] a : decoder.layers()) {
                java.util.Arrays.fill(a, 0);
            }
            cameraGain[0] = 0;
        }
    }

    /** Loss terms summed over a batch. */
    public record Losses(double reconstruction, double kl, int items) {
        public double total(double beta) {
            return reconstruction + beta * kl;
        }
    }

    private final OpticalVaeConfig config;
    private final Grid grid;
    private final DiffractiveNetwork encoderNet;
    private final DiffractiveNetwork decoderNet;
    private final FibreCoupler coupler;
    private final FibreEmitter emitter;
    private final NetworkWorkspace enc;
    private final NetworkWorkspace dec;
    private final ComplexArray encChannels;
    private final ComplexArray decChannels;
    private final int maxBatch;
    private final int window0; // first row/column of the image window
    private State state;

    public OpticalVae(OpticalVaeConfig config, Propagator propagator, Precision precision, int maxBatch) {
        this.config = config;
        this.maxBatch = maxBatch;
        this.grid = Grid.square(config.grid(), config.pitch(), config.wavelength());
        Readout unused = new Readout(grid.nx(), grid.ny(), List.of(new Readout.Region(0, 0, grid.nx(), grid.ny())));
        encoderNet = network(propagator, config.encoderLayers(), unused);
        decoderNet = network(propagator, config.decoderLayers(), unused);
        FibreFace near = FibreFace.lattice(grid, config.channels(), config.fibreWaist(), config.fibrePitch());
        FibreFace far = FibreFace.lattice(grid, config.decoderChannels(), config.fibreWaist(), config.fibrePitch());
        coupler = new FibreCoupler(near);
        emitter = new FibreEmitter(far);
        enc = encoderNet.workspace(maxBatch, precision);
        dec = decoderNet.workspace(maxBatch, precision);
        encChannels = ComplexArray.zeros(precision, maxBatch, 1, config.channels());
        decChannels = ComplexArray.zeros(precision, maxBatch, 1, config.decoderChannels());
        window0 = (config.grid() - config.imageSide()) / 2;
        double spread = 0.5; // small random phases: the untrained system starts near free-space propagation
        state = new State(encoderNet.randomParams(config.seed(), spread), decoderNet.randomParams(config.seed() + 1, spread),
                1, 1);
        setState(state);
    }

    private DiffractiveNetwork network(Propagator p, int layers, Readout readout) {
        List<DiffractiveNetwork.Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(new DiffractiveNetwork.Layer(p.freeSpace(grid, config.distance(), Method.BL_ASM, config.pad()),
                    PhaseModulation.INSTANCE, null));
        }
        return new DiffractiveNetwork(grid, ls, p.freeSpace(grid, config.distance(), Method.BL_ASM, config.pad()), readout);
    }

    public OpticalVaeConfig config() {
        return config;
    }

    public Grid grid() {
        return grid;
    }

    public DiffractiveNetwork encoderNetwork() {
        return encoderNet;
    }

    public DiffractiveNetwork decoderNetwork() {
        return decoderNet;
    }

    public FibreCoupler coupler() {
        return coupler;
    }

    public FibreEmitter emitter() {
        return emitter;
    }

    public State state() {
        return state;
    }

    /** Uses these parameters from now on (the arrays are shared, so an optimiser may update them in place). */
    public void setState(State s) {
        encoderNet.requireCompatible(s.encoder());
        decoderNet.requireCompatible(s.decoder());
        state = s;
        enc.setParams(s.encoder());
        dec.setParams(s.decoder());
    }

    /** Re-evaluates the transmissions after the phase arrays were changed in place. */
    public void refreshParams() {
        setState(state);
    }

    public Gradient newGradient() {
        return new Gradient(state.encoder().zerosLike(), state.decoder().zerosLike(), new double[1]);
    }

    /**
     * Sets the latent gain g so that E|μ|² = 1 and the camera gain α to its least-squares value on these images
     * (reconstructed from μ, without noise). A calibration a lab would do once; g stays fixed afterwards.
     */
    public void calibrate(double[] x, int[] labels, int n) {
        int m = Math.min(n, maxBatch);
        setState(new State(state.encoder(), state.decoder(), 1, 1));
        encodeInto(x, labels, 0, m);
        double p = encChannels.items(0, m).sumAbs2() / ((double) m * config.channels());
        double g = 1 / Math.sqrt(Math.max(p, 1e-300));
        state = new State(state.encoder(), state.decoder(), 1, g);
        latentFromChannels(m, null, g);
        addClassChannels(labels, 0, m);
        decodeCurrent(m);
        double[] sums = new double[2];
        double s = config.imageSide();
        for (int b = 0; b < m; b++) {
            for (int y = 0; y < s; y++) {
                for (int xx = 0; xx < s; xx++) {
                    double i = intensity(dec.output(), b, y, xx);
                    double t = x[(b) * PIXELS + src(y) * SIDE + src(xx)];
                    sums[0] += t * i;
                    sums[1] += i * i;
                }
            }
        }
        state = new State(state.encoder(), state.decoder(), sums[0] / Math.max(sums[1], 1e-300), g);
    }

    private int src(int i) {
        return (int) ((long) i * SIDE / config.imageSide());
    }

    private double intensity(ComplexArray field, int b, int y, int x) {
        long i = field.index(b, window0 + y, window0 + x);
        double re = field.re(i);
        double im = field.im(i);
        return re * re + im * im;
    }

    /** Writes the encoder input for images [from, from+n) of x (row-major 28×28 in [0, 1]) and runs the encoder and coupler. */
    private void encodeInto(double[] x, int[] labels, int from, int n) {
        enc.setBatchSize(n);
        fillInput(enc.input(), x, labels, from, n);
        enc.forwardRecording();
        coupler.apply(enc.output(), encChannels.items(0, n));
    }

    /** in ← the encoder's input plane for images [from, from+n): the image window and, conditional, the class spot. */
    private void fillInput(ComplexArray in, double[] x, int[] labels, int from, int n) {
        in.clear();
        int s = config.imageSide();
        IntStream.range(0, n).parallel().forEach(b -> {
            int img = (from + b) * PIXELS;
            for (int y = 0; y < s; y++) {
                for (int xx = 0; xx < s; xx++) {
                    in.set(in.index(b, window0 + y, window0 + xx), x[img + src(y) * SIDE + src(xx)], 0);
                }
            }
            if (config.conditional()) {
                int c = labels[from + b];
                int[] pos = classSpot(c);
                for (int y = 0; y < OpticalVaeConfig.SPOT; y++) {
                    for (int xx = 0; xx < OpticalVaeConfig.SPOT; xx++) {
                        in.set(in.index(b, pos[1] + y, pos[0] + xx), 1, 0);
                    }
                }
            }
        });
    }

    /**
     * The encoder's input fields for images [from, from+n) (real amplitudes: the image window and, conditional,
     * the class spot): what a bench running the encoder loads on its input modulator. Double precision,
     * interleaved {@code [n][grid][grid]}.
     */
    public double[] encoderInputs(double[] x, int[] labels, int from, int n) {
        ComplexArray in = ComplexArray.zeros(Precision.DOUBLE, n, grid.ny(), grid.nx());
        fillInput(in, x, labels, from, n);
        return in.toInterleaved();
    }

    /** Top-left corner (x, y) of class c's spot: five above the image window, five below. */
    int[] classSpot(int c) {
        int s = config.imageSide();
        int step = (s - OpticalVaeConfig.SPOT) / 4;
        int x0 = window0 + (c % 5) * step;
        int y0 = c < 5 ? window0 - OpticalVaeConfig.SPOT - 1 : window0 + s + 1;
        return new int[]{x0, y0};
    }

    /** decChannels[0..K) ← g·c + σ·ε (ε interleaved n × K complex, or none). */
    private void latentFromChannels(int n, double[] eps, double g) {
        int k = config.channels();
        int kd = config.decoderChannels();
        double sigma = config.noiseSigma();
        ComplexArray d = decChannels.items(0, n);
        d.clear();
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < k; c++) {
                long i = encChannels.index(b, 0, c);
                double re = g * encChannels.re(i);
                double im = g * encChannels.im(i);
                if (eps != null) {
                    re += sigma * eps[2 * (b * k + c)];
                    im += sigma * eps[2 * (b * k + c) + 1];
                }
                d.set((long) b * kd + c, re, im);
            }
        }
    }

    private void addClassChannels(int[] labels, int from, int n) {
        if (!config.conditional()) {
            return;
        }
        int kd = config.decoderChannels();
        for (int b = 0; b < n; b++) {
            decChannels.set((long) b * kd + config.channels() + labels[from + b], CLASS_AMPLITUDE, 0);
        }
    }

    private void decodeCurrent(int n) {
        dec.setBatchSize(n);
        emitter.apply(decChannels.items(0, n), dec.input());
        dec.forwardRecording();
    }

    /**
     * Loss of n images (with noise eps, n × K complex interleaved: re, im of unit-variance circular noise) and,
     * when {@code grad} is not null, its gradient added to {@code grad}. Items start at {@code from}.
     */
    public Losses lossAndGradient(double[] x, int[] labels, int from, int n, double[] eps, Gradient grad) {
        if (n > maxBatch) {
            throw new IllegalArgumentException("batch of " + n + " exceeds the workspace size " + maxBatch);
        }
        int k = config.channels();
        int kd = config.decoderChannels();
        double g = state.latentGain();
        double alpha = state.cameraGain();
        double sigma = config.noiseSigma();
        double beta = config.klWeight();
        encodeInto(x, labels, from, n);
        latentFromChannels(n, eps, g);
        addClassChannels(labels, from, n);
        decodeCurrent(n);
        int s = config.imageSide();
        double weight = (double) PIXELS / (s * s);
        ComplexArray out = dec.output();
        ComplexArray err = grad == null ? null : dec.errorField();
        if (err != null) {
            err.clear();
        }
        double[] rec = new double[n];
        double[] dAlpha = new double[n];
        IntStream.range(0, n).parallel().forEach(b -> {
            double r = 0;
            double da = 0;
            for (int y = 0; y < s; y++) {
                for (int xx = 0; xx < s; xx++) {
                    long i = out.index(b, window0 + y, window0 + xx);
                    double or = out.re(i);
                    double oi = out.im(i);
                    double inten = or * or + oi * oi;
                    double diff = alpha * inten - x[(from + b) * PIXELS + src(y) * SIDE + src(xx)];
                    r += weight * diff * diff;
                    da += weight * 2 * diff * inten;
                    if (err != null) {
                        double dI = weight * 2 * alpha * diff;
                        err.set(i, dI * or, -dI * oi); // e = ∂L/∂I · conj(o)
                    }
                }
            }
            rec[b] = r;
            dAlpha[b] = da;
        });
        double kl = 0;
        double klConst = sigma * sigma - 1 - Math.log(sigma * sigma);
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < k; c++) {
                long i = encChannels.index(b, 0, c);
                double mr = g * encChannels.re(i);
                double mi = g * encChannels.im(i);
                kl += mr * mr + mi * mi + klConst;
            }
        }
        double recon = 0;
        for (int b = 0; b < n; b++) {
            recon += rec[b];
            if (grad != null) {
                grad.cameraGain()[0] += dAlpha[b];
            }
        }
        if (grad != null) {
            dec.transposePass(true, grad.decoder());
            ComplexArray back = decChannels.items(0, n);
            emitter.applyTranspose(dec.coField(0), back); // conj(∂L/∂w*) at the fibres' far end
            ComplexArray encErr = encChannels.items(0, n);
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < k; c++) {
                    long i = encChannels.index(b, 0, c);
                    double mr = g * encChannels.re(i);
                    double mi = g * encChannels.im(i);
                    long j = (long) b * kd + c;
                    // conj(∂L/∂c*) = g·(ζ + β·conj(μ))
                    encErr.set(i, g * (back.re(j) + beta * mr), g * (back.im(j) - beta * mi));
                }
            }
            coupler.applyTranspose(encErr, enc.errorField());
            enc.transposePass(false, grad.encoder());
        }
        return new Losses(recon, kl, n);
    }

    /** Posterior means μ (n × K complex, interleaved) of images [from, from+n), in chunks of the workspace size. */
    public double[] encodeMean(double[] x, int[] labels, int from, int n) {
        int k = config.channels();
        double[] mu = new double[2 * n * k];
        for (int s = 0; s < n; s += maxBatch) {
            int m = Math.min(maxBatch, n - s);
            encodeInto(x, labels, from + s, m);
            for (int b = 0; b < m; b++) {
                for (int c = 0; c < k; c++) {
                    long i = encChannels.index(b, 0, c);
                    mu[2 * ((s + b) * k + c)] = state.latentGain() * encChannels.re(i);
                    mu[2 * ((s + b) * k + c) + 1] = state.latentGain() * encChannels.im(i);
                }
            }
        }
        return mu;
    }

    /** Decodes latents z (n × K complex interleaved) with class labels (conditional) into n 28×28 images α·I. */
    public double[] decode(double[] z, int[] labels, int n) {
        int k = config.channels();
        int kd = config.decoderChannels();
        double[] images = new double[n * PIXELS];
        for (int s = 0; s < n; s += maxBatch) {
            int m = Math.min(maxBatch, n - s);
            ComplexArray d = decChannels.items(0, m);
            d.clear();
            for (int b = 0; b < m; b++) {
                for (int c = 0; c < k; c++) {
                    d.set((long) b * kd + c, z[2 * ((s + b) * k + c)], z[2 * ((s + b) * k + c) + 1]);
                }
            }
            addClassChannels(labels, s, m);
            decodeCurrent(m);
            cameraImages(m, images, s);
        }
        return images;
    }

    /**
     * The fields the fibre emitter launches for latents z (n × K complex interleaved, items [from, from+n)) with
     * the class channels lit (conditional), times {@code scale}: what a bench running the decoder receives at its
     * input plane. Double precision, interleaved {@code [n][grid][grid]}.
     */
    public double[] emitterFields(double[] z, int[] labels, int from, int n, double scale) {
        int k = config.channels();
        int kd = config.decoderChannels();
        ComplexArray ch = ComplexArray.zeros(Precision.DOUBLE, n, 1, kd);
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < k; c++) {
                ch.set((long) b * kd + c, scale * z[2 * ((from + b) * k + c)], scale * z[2 * ((from + b) * k + c) + 1]);
            }
            if (config.conditional()) {
                ch.set((long) b * kd + k + labels[from + b], scale * CLASS_AMPLITUDE, 0);
            }
        }
        ComplexArray field = ComplexArray.zeros(Precision.DOUBLE, n, grid.ny(), grid.nx());
        emitter.apply(ch, field);
        return field.toInterleaved();
    }

    /**
     * Camera frames (n × grid² intensities, row-major) → 28×28 images: the image window binned to 28×28 and
     * scaled by {@code alpha}, exactly as {@link #decode} forms its images.
     */
    public double[] imagesFromFrames(double[] frames, int n, double alpha) {
        int s = config.imageSide();
        int g = config.grid();
        double[] images = new double[n * PIXELS];
        for (int b = 0; b < n; b++) {
            double[] sum = new double[PIXELS];
            int[] cnt = new int[PIXELS];
            for (int y = 0; y < s; y++) {
                for (int xx = 0; xx < s; xx++) {
                    int p = src(y) * SIDE + src(xx);
                    sum[p] += frames[b * g * g + (window0 + y) * g + window0 + xx];
                    cnt[p]++;
                }
            }
            for (int p = 0; p < PIXELS; p++) {
                images[b * PIXELS + p] = alpha * sum[p] / cnt[p];
            }
        }
        return images;
    }

    /**
     * The reconstruction term of the loss as a loss of camera frames: L = (784/S²)·Σ_window (α·I − x)² over n
     * frames (grid² pixels each) against images x (n × 784, items [from, from+n)); writes ∂L/∂I (zero outside
     * the window) and returns L. The same numbers {@link #lossAndGradient} uses for its reconstruction term.
     */
    public double reconstructionLoss(double[] frames, int n, double alpha, double[] x, int from, double[] dLdI) {
        int s = config.imageSide();
        int g = config.grid();
        double weight = (double) PIXELS / (s * s);
        java.util.Arrays.fill(dLdI, 0, n * g * g, 0);
        double loss = 0;
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < s; y++) {
                for (int xx = 0; xx < s; xx++) {
                    int p = b * g * g + (window0 + y) * g + window0 + xx;
                    double diff = alpha * frames[p] - x[(from + b) * PIXELS + src(y) * SIDE + src(xx)];
                    loss += weight * diff * diff;
                    dLdI[p] = weight * 2 * alpha * diff;
                }
            }
        }
        return loss;
    }

    /** Least-squares camera gain α = Σ x·I / Σ I² over the image windows of n frames against images x. */
    public double fitCameraGain(double[] frames, int n, double[] x, int from) {
        int s = config.imageSide();
        int g = config.grid();
        double xi = 0;
        double ii = 0;
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < s; y++) {
                for (int xx = 0; xx < s; xx++) {
                    double i = frames[b * g * g + (window0 + y) * g + window0 + xx];
                    xi += x[(from + b) * PIXELS + src(y) * SIDE + src(xx)] * i;
                    ii += i * i;
                }
            }
        }
        return xi / Math.max(ii, 1e-300);
    }

    /** Camera frames of the current decoder batch, binned to 28×28 and scaled by α, into images[from..]. */
    private void cameraImages(int m, double[] images, int from) {
        int s = config.imageSide();
        double alpha = state.cameraGain();
        ComplexArray out = dec.output();
        IntStream.range(0, m).parallel().forEach(b -> {
            double[] sum = new double[PIXELS];
            int[] cnt = new int[PIXELS];
            for (int y = 0; y < s; y++) {
                for (int xx = 0; xx < s; xx++) {
                    int p = src(y) * SIDE + src(xx);
                    sum[p] += intensity(out, b, y, xx);
                    cnt[p]++;
                }
            }
            for (int p = 0; p < PIXELS; p++) {
                images[(from + b) * PIXELS + p] = alpha * sum[p] / cnt[p];
            }
        });
    }

    /** Full-resolution camera frame α·I of the image window (s×s) of the current decoder batch item b. */
    public double[] cameraWindow(int b) {
        int s = config.imageSide();
        double[] f = new double[s * s];
        for (int y = 0; y < s; y++) {
            for (int xx = 0; xx < s; xx++) {
                f[y * s + xx] = state.cameraGain() * intensity(dec.output(), b, y, xx);
            }
        }
        return f;
    }

    /** Reconstructions from the posterior mean (no noise): the denoising/auto-encoding path. */
    public double[] reconstruct(double[] x, int[] labels, int n) {
        double[] mu = encodeMean(x, labels, 0, n);
        return decode(mu, labels, n);
    }
}
