package org.phasor.task.generative;

import org.phasor.data.Dataset;
import org.phasor.math.Precision;
import org.phasor.optics.propagation.Propagator;
import org.phasor.task.generative.digital.DigitalVae;
import org.phasor.task.generative.digital.FeatureClassifier;
import org.phasor.task.generative.metrics.ImageNoise;
import org.phasor.task.generative.metrics.ImageQuality;
import org.phasor.task.generative.metrics.SampleQuality;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The side-by-side comparison of the generative task (what {@code phasor reproduce lightgen} runs): the data
 * floor, a same-size digital conditional VAE, the untrained optical decoder and the trained optical conditional
 * VAE (latents from the nominal prior, and from a per-class Gaussian fitted to the encoder's outputs), all
 * measured in the fixed classifier's feature space, plus reconstruction and denoising quality.
 */
public final class LightgenExperiment {

    /**
     * @param trainImages         training images used (first of a seeded permutation of the training set)
     * @param testImages          test images for the Fréchet reference (first of the test set)
     * @param evalImages          test images for reconstruction, denoising and latent arithmetic
     * @param samplesPerClass     generated samples per class (unconditional models: 10× as many in all)
     * @param epochs              optical training epochs (conditional model)
     * @param digitalEpochs       digital VAE training epochs
     * @param batch               batch size (all)
     * @param learningRate        optical Adam learning rate (phases, radians)
     * @param digitalHidden       hidden width of the digital VAE
     * @param seed                everything random derives from it
     * @param optical             optical VAE geometry (the conditional model; the unconditional one is the same
     *                            geometry with {@code conditional = false})
     * @param unconditionalEpochs optical training epochs of the unconditional model
     */
    public record Settings(int trainImages, int testImages, int evalImages, int samplesPerClass, int epochs,
                           int digitalEpochs, int batch, double learningRate, int digitalHidden, long seed,
                           OpticalVaeConfig optical, int unconditionalEpochs) {
        public Settings {
            positive("train images", trainImages);
            positive("test images", testImages);
            positive("eval images", evalImages);
            positive("samples per class", samplesPerClass);
            positive("epochs", epochs);
            positive("digital epochs", digitalEpochs);
            positive("batch", batch);
            positive("unconditional epochs", unconditionalEpochs);
        }

        private static void positive(String what, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be ≥ 1, got " + v);
            }
        }

        public static Settings quick() {
            return new Settings(400, 300, 40, 10, 1, 2, 16, 0.05, 64, 1, OpticalVaeConfig.small(true), 1);
        }

        public static Settings full() {
            return new Settings(8000, 10000, 300, 100, 5, 10, 32, 0.03, 256, 1, OpticalVaeConfig.small(true), 5);
        }
    }

    /** One line of the quality table; NaN where a column does not apply. */
    public record Row(String name, double frechet, double classAccuracy, double diversity, double psnr, double ssim,
                      double denoiseGain05, double denoiseGain03, double denoiseGainSpeckle, String note) {
    }

    /**
     * Latent arithmetic in the unconditional optical VAE's latent space: z = μ(x_A) − m_{class(A)} + m_B, with m_c
     * the mean of the encoder's posterior means μ over the training images of class c, decoded optically.
     *
     * @param toTarget            fraction of the (source, B ≠ class(A)) results the classifier assigns to B
     * @param pairs               how many such results
     * @param reconstructionKept  fraction of the plain reconstructions decode(μ(x_A)) assigned to class(A)
     * @param classMeanRecognised fraction of the 10 decoded class means decode(m_B) assigned to B
     * @param toTargetByClass     per target class B, the fraction of its results assigned to B
     * @param figure              the figure's images, {@code figureRows × figureCols} row-major: one column per
     *                            source; rows: source, reconstruction, result for B = 0..9
     */
    public record Arithmetic(double toTarget, int pairs, double reconstructionKept, double classMeanRecognised,
                             double[] toTargetByClass, double[] figure, int figureRows, int figureCols) {
    }

    /** Everything the command writes: the table, the images of the figures, the learning curve. */
    public record Result(List<Row> rows, double[] opticalSamples, double[] fittedSamples, double[] digitalSamples,
                         double[] untrainedSamples,
                         int[] sampleLabels, double[] interpolation, int interpolationSteps, double[] transfer,
                         double[] denoising, int denoisingColumns, List<OpticalVaeTraining.LogEntry> curve,
                         OpticalVae vae, double opticalSecondsPerStep, double opticalSecondsPerImage, long steps,
                         double[] unconditionalSamples, double[] unconditionalFittedSamples, double[] unconditionalMixtureSamples,
                         OpticalVae unconditionalVae, List<OpticalVaeTraining.LogEntry> unconditionalCurve,
                         Arithmetic arithmetic) {
    }

    private LightgenExperiment() {
    }

    public static double[] toDouble(float[] f, int from, int n) {
        double[] d = new double[n * 784];
        for (int i = 0; i < d.length; i++) {
            d[i] = f[from * 784 + i];
        }
        return d;
    }

    public static Result run(Settings s, Dataset train, Dataset test, FeatureClassifier clf, Propagator prop,
                             Consumer<String> progress) {
        Dataset tr = train.select(java.util.Arrays.copyOf(train.permutation(s.seed()), Math.min(s.trainImages(), train.size())),
                train.name() + " (seeded subset)");
        int nTr = tr.size();
        int nTe = Math.min(s.testImages(), test.size());
        double[] xTr = toDouble(tr.features(), 0, nTr);
        int[] yTr = tr.labels();
        double[] xTe = toDouble(test.features(), 0, nTe);
        int[] yTe = java.util.Arrays.copyOf(test.labels(), nTe);
        int nEval = Math.min(s.evalImages(), nTe);
        double[] xEv = java.util.Arrays.copyOf(xTe, nEval * 784);
        int[] yEv = java.util.Arrays.copyOf(yTe, nEval);
        SampleQuality.Reference ref = SampleQuality.Reference.of(clf, xTe, yTe, 10);
        List<Row> rows = new ArrayList<>();
        int per = s.samplesPerClass();
        int nGen = 10 * per;
        int[] genLabels = new int[nGen];
        for (int i = 0; i < nGen; i++) {
            genLabels[i] = i / per;
        }

        // data floor: real training images against the test set
        int nFloor = Math.min(nTr, Math.max(nGen, 1000));
        double[] floorImgs = java.util.Arrays.copyOf(xTr, nFloor * 784);
        int[] floorLabels = java.util.Arrays.copyOf(yTr, nFloor);
        SampleQuality floor = SampleQuality.of(clf, ref, floorImgs, floorLabels, nFloor);
        rows.add(new Row("data floor (train vs test)", floor.frechet(), floor.classAccuracy(), floor.diversity(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                nFloor + " real training images; accuracy = the classifier's own accuracy"));
        progress.accept(String.format(java.util.Locale.ROOT, "data floor: Fréchet %.3f, accuracy %.3f", floor.frechet(),
                floor.classAccuracy()));

        // digital conditional VAE with as many real latent dimensions as the optical latent has (2K for K complex)
        int k = s.optical().channels();
        DigitalVae digital = new DigitalVae(2 * k, s.digitalHidden(), 10, s.seed());
        float[] fTr = new float[nTr * 784];
        for (int i = 0; i < fTr.length; i++) {
            fTr[i] = (float) xTr[i];
        }
        digital.train(fTr, yTr, s.digitalEpochs(), s.batch(), 1e-3, 1.0, s.seed(),
                e -> progress.accept(String.format(java.util.Locale.ROOT, "digital VAE epoch %d: -ELBO %.2f", e.epoch(), e.meanLoss())));
        double[] digitalSamples = digital.sample(genLabels, nGen, s.seed() + 11);
        rows.add(row("digital CVAE (latent " + 2 * k + " real)", clf, ref, digitalSamples, genLabels, nGen,
                xEv, yEv, nEval, (x, y, n) -> digital.decode(digital.encodeMean(x, y, n), y, n), s.seed(),
                s.digitalEpochs() + " epochs, hidden " + s.digitalHidden()));
        progress.accept("digital: " + rows.getLast());

        // optical conditional VAE
        OpticalVae vae = new OpticalVae(s.optical(), prop, Precision.SINGLE, s.batch());
        vae.calibrate(xTr, yTr, Math.min(nTr, s.batch()));
        double[] untrained = vae.decode(priorLatents(nGen, k, s.seed() + 21), genLabels, nGen);
        rows.add(row("optical CVAE, untrained", clf, ref, untrained, genLabels, nGen, xEv, yEv, nEval,
                vae::reconstruct, s.seed(), "random initial phases, calibrated gains"));
        progress.accept("untrained optical: " + rows.getLast());
        List<OpticalVaeTraining.LogEntry> curve = new ArrayList<>();
        long t0 = System.nanoTime();
        long steps = OpticalVaeTraining.train(vae, xTr, yTr, nTr, new OpticalVaeTraining.Settings(s.epochs(), s.batch(),
                s.learningRate(), s.seed() + 1), Math.max(1, nTr / s.batch() / 10), e -> {
            curve.add(e);
            progress.accept(String.format(java.util.Locale.ROOT, "optical epoch %d step %d: reconstruction %.3f, KL %.3f (%.0f s)",
                    e.epoch(), e.step(), e.reconstruction(), e.kl(), e.seconds()));
        });
        double trainSeconds = (System.nanoTime() - t0) * 1e-9;
        double[] opticalSamples = vae.decode(priorLatents(nGen, k, s.seed() + 31), genLabels, nGen);
        String cfg = String.format(java.util.Locale.ROOT, "%d epochs on %d images, K=%d, %d+%d layers of %d², σ=%.2f, β=%.2f",
                s.epochs(), nTr, k, s.optical().encoderLayers(), s.optical().decoderLayers(), s.optical().grid(),
                s.optical().noiseSigma(), s.optical().klWeight());
        rows.add(row("optical CVAE, prior CN(0,I)", clf, ref, opticalSamples, genLabels, nGen, xEv, yEv, nEval,
                vae::reconstruct, s.seed(), cfg));
        progress.accept("optical: " + rows.getLast());
        double[] fitted = vae.decode(classFittedLatents(vae, xTr, yTr, nTr, genLabels, s.seed() + 41), genLabels, nGen);
        SampleQuality qf = SampleQuality.of(clf, ref, fitted, genLabels, nGen);
        rows.add(new Row("optical CVAE, per-class fitted latent Gaussian", qf.frechet(), qf.classAccuracy(), qf.diversity(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                "latents drawn from a diagonal Gaussian fitted to μ of each class's training images"));
        progress.accept("optical fitted prior: " + rows.getLast());

        // unconditional optical VAE: the same geometry, no class spot on the input, no class channel lit
        OpticalVae uvae = new OpticalVae(s.optical().withConditional(false), prop, Precision.SINGLE, s.batch());
        uvae.calibrate(xTr, yTr, Math.min(nTr, s.batch()));
        List<OpticalVaeTraining.LogEntry> ucurve = new ArrayList<>();
        OpticalVaeTraining.train(uvae, xTr, null, nTr, new OpticalVaeTraining.Settings(s.unconditionalEpochs(), s.batch(),
                s.learningRate(), s.seed() + 2), Math.max(1, nTr / s.batch() / 10), e -> {
            ucurve.add(e);
            progress.accept(String.format(java.util.Locale.ROOT, "unconditional optical epoch %d step %d: reconstruction %.3f, KL %.3f (%.0f s)",
                    e.epoch(), e.step(), e.reconstruction(), e.kl(), e.seconds()));
        });
        int[] noLabels = new int[Math.max(nGen, nTr)];
        double[] uSamples = uvae.decode(priorLatents(nGen, k, s.seed() + 71), noLabels, nGen);
        String ucfg = String.format(java.util.Locale.ROOT, "%d epochs, same geometry, no class light; diversity = overall",
                s.unconditionalEpochs());
        rows.add(unconditionalRow("optical VAE, unconditional, prior CN(0,I)", clf, ref, uSamples, nGen, xEv, yEv, nEval,
                uvae::reconstruct, s.seed(), ucfg));
        progress.accept("unconditional optical: " + rows.getLast());
        double[] uFitted = uvae.decode(classFittedLatents(uvae, xTr, noLabels, nTr, java.util.Arrays.copyOf(noLabels, nGen),
                s.seed() + 81), noLabels, nGen);
        rows.add(unconditionalRow("optical VAE, unconditional, fitted latent Gaussian", clf, ref, uFitted, nGen, xEv, yEv,
                nEval, null, s.seed(), "latents from one diagonal Gaussian fitted to μ of the training images"));
        progress.accept("unconditional optical, fitted: " + rows.getLast());
        // a 10-component mixture: the class labels are used only to fit the sampler (one Gaussian per class of μ),
        // the decoder still receives no class light
        double[] uMix = uvae.decode(classFittedLatents(uvae, xTr, yTr, nTr, genLabels, s.seed() + 91), noLabels, nGen);
        int[] mixPred = clf.evaluate(uMix, nGen).predictions();
        int mixOk = 0;
        for (int i = 0; i < nGen; i++) {
            mixOk += mixPred[i] == genLabels[i] ? 1 : 0;
        }
        rows.add(unconditionalRow("optical VAE, unconditional, mixture of per-class fitted Gaussians", clf, ref, uMix, nGen,
                xEv, yEv, nEval, null, s.seed(), String.format(java.util.Locale.ROOT,
                        "labels only fit the sampler (one Gaussian per class of μ); %.1f %% recognised as their component's class",
                        100.0 * mixOk / nGen)));
        progress.accept("unconditional optical, mixture: " + rows.getLast());
        Arithmetic arithmetic = latentArithmetic(uvae, xTr, yTr, nTr, xEv, yEv, nEval, clf);
        progress.accept(String.format(java.util.Locale.ROOT,
                "latent arithmetic (unconditional): %.3f of %d results recognised as the target class; "
                        + "reconstructions keep their class %.3f; decoded class means recognised %.3f",
                arithmetic.toTarget(), arithmetic.pairs(), arithmetic.reconstructionKept(), arithmetic.classMeanRecognised()));

        // figures: interpolation between two test images of one class, class transfer of one latent, denoising
        int steps8 = 8;
        int a = 0;
        int b = firstOther(yEv, a);
        double[] mu = vae.encodeMean(xEv, yEv, 0, nEval);
        double[] z = new double[steps8 * 2 * k];
        int[] zl = new int[steps8];
        for (int t = 0; t < steps8; t++) {
            double w = t / (double) (steps8 - 1);
            for (int i = 0; i < 2 * k; i++) {
                z[t * 2 * k + i] = (1 - w) * mu[a * 2 * k + i] + w * mu[b * 2 * k + i];
            }
            zl[t] = yEv[a];
        }
        double[] interpolation = vae.decode(z, zl, steps8);
        double[] zt = new double[10 * 2 * k];
        int[] tl = new int[10];
        for (int c = 0; c < 10; c++) {
            System.arraycopy(mu, a * 2 * k, zt, c * 2 * k, 2 * k);
            tl[c] = c;
        }
        double[] transfer = vae.decode(zt, tl, 10);
        int cols = Math.min(8, nEval);
        double[] clean = java.util.Arrays.copyOf(xEv, cols * 784);
        int[] cl = java.util.Arrays.copyOf(yEv, cols);
        double[] noisy = ImageNoise.gaussian(clean, 0.5, s.seed() + 51);
        double[] den = new double[4 * cols * 784];
        System.arraycopy(clean, 0, den, 0, cols * 784);
        System.arraycopy(noisy, 0, den, cols * 784, cols * 784);
        System.arraycopy(vae.reconstruct(noisy, cl, cols), 0, den, 2 * cols * 784, cols * 784);
        System.arraycopy(digital.decode(digital.encodeMean(noisy, cl, cols), cl, cols), 0, den, 3 * cols * 784, cols * 784);

        double perStep = steps == 0 ? Double.NaN : trainSeconds / steps;
        long g0 = System.nanoTime();
        vae.decode(priorLatents(nGen, k, s.seed() + 61), genLabels, nGen);
        double perImage = (System.nanoTime() - g0) * 1e-9 / nGen;
        return new Result(rows, opticalSamples, fitted, digitalSamples, untrained, genLabels, interpolation, steps8, transfer,
                den, cols, curve, vae, perStep, perImage, steps, uSamples, uFitted, uMix, uvae, ucurve, arithmetic);
    }

    /** Mean of the posterior means μ per class over (at most 2000 of) the training images: m_c, n_classes × 2K. */
    public static double[][] classMeans(OpticalVae vae, double[] x, int[] y, int n) {
        int k2 = 2 * vae.config().channels();
        int m = Math.min(n, 2000);
        double[] mu = vae.encodeMean(x, y, 0, m);
        double[][] mean = new double[OpticalVaeConfig.CLASSES][k2];
        int[] cnt = new int[OpticalVaeConfig.CLASSES];
        for (int i = 0; i < m; i++) {
            cnt[y[i]]++;
            for (int d = 0; d < k2; d++) {
                mean[y[i]][d] += mu[i * k2 + d];
            }
        }
        for (int c = 0; c < mean.length; c++) {
            for (int d = 0; d < k2; d++) {
                mean[c][d] /= Math.max(1, cnt[c]);
            }
        }
        return mean;
    }

    /**
     * Latent arithmetic z = μ(x_A) − m_{class(A)} + m_B for every evaluation image A and every class B, decoded
     * by {@code vae} (meant for the unconditional model: no class light, the class lives in the latent), judged
     * by the classifier. Deterministic (posterior means, no noise).
     */
    public static Arithmetic latentArithmetic(OpticalVae vae, double[] xTr, int[] yTr, int nTr, double[] xEv,
                                              int[] yEv, int nEval, FeatureClassifier clf) {
        int classes = OpticalVaeConfig.CLASSES;
        int k2 = 2 * vae.config().channels();
        double[][] m = classMeans(vae, xTr, yTr, nTr);
        double[] mu = vae.encodeMean(xEv, yEv, 0, nEval);
        double[] z = new double[nEval * classes * k2];
        for (int i = 0; i < nEval; i++) {
            for (int b = 0; b < classes; b++) {
                int o = (i * classes + b) * k2;
                for (int d = 0; d < k2; d++) {
                    z[o + d] = mu[i * k2 + d] - m[yEv[i]][d] + m[b][d];
                }
            }
        }
        int[] none = new int[nEval * classes];
        double[] out = vae.decode(z, none, nEval * classes);
        int[] pred = clf.evaluate(out, nEval * classes).predictions();
        int hit = 0;
        int pairs = 0;
        int kept = 0;
        double[] byClass = new double[classes];
        int[] byClassN = new int[classes];
        for (int i = 0; i < nEval; i++) {
            for (int b = 0; b < classes; b++) {
                boolean ok = pred[i * classes + b] == b;
                if (b == yEv[i]) {
                    kept += ok ? 1 : 0;
                } else {
                    pairs++;
                    hit += ok ? 1 : 0;
                    byClass[b] += ok ? 1 : 0;
                    byClassN[b]++;
                }
            }
        }
        for (int b = 0; b < classes; b++) {
            byClass[b] = byClassN[b] == 0 ? Double.NaN : byClass[b] / byClassN[b];
        }
        double[] zm = new double[classes * k2];
        for (int b = 0; b < classes; b++) {
            System.arraycopy(m[b], 0, zm, b * k2, k2);
        }
        int[] pm = clf.evaluate(vae.decode(zm, new int[classes], classes), classes).predictions();
        int meanOk = 0;
        for (int b = 0; b < classes; b++) {
            meanOk += pm[b] == b ? 1 : 0;
        }
        // figure: one source per class (the first evaluation image of it), in class order
        List<Integer> src = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < nEval; i++) {
                if (yEv[i] == c) {
                    src.add(i);
                    break;
                }
            }
        }
        int cols = src.size();
        int rowsN = 2 + classes;
        double[] fig = new double[rowsN * cols * 784];
        for (int j = 0; j < cols; j++) {
            int i = src.get(j);
            System.arraycopy(xEv, i * 784, fig, j * 784, 784);
            System.arraycopy(out, (i * classes + yEv[i]) * 784, fig, (cols + j) * 784, 784);
            for (int b = 0; b < classes; b++) {
                System.arraycopy(out, (i * classes + b) * 784, fig, ((2 + b) * cols + j) * 784, 784);
            }
        }
        return new Arithmetic(pairs == 0 ? Double.NaN : (double) hit / pairs, pairs, nEval == 0 ? Double.NaN : (double) kept / nEval,
                meanOk / (double) classes, byClass, fig, rowsN, cols);
    }

    /**
     * A table row for unconditional samples: class accuracy NaN, diversity = overall diversity (see
     * {@link SampleQuality#unconditional}); the note gets the entropy of the classifier's class histogram of the
     * samples. {@code rec} null: no reconstruction columns (a sampling variant of a model that has its own row).
     */
    private static Row unconditionalRow(String name, FeatureClassifier clf, SampleQuality.Reference ref, double[] samples,
                                        int nGen, double[] xEv, int[] yEv, int nEval, Reconstructor rec, long seed,
                                        String note) {
        SampleQuality q = SampleQuality.unconditional(clf, ref, samples, nGen);
        String n2 = String.format(java.util.Locale.ROOT, "%s; class-histogram entropy %.2f bits (uniform: %.2f)", note,
                SampleQuality.entropyBits(q.diversityByClass()), Math.log(ref.classes()) / Math.log(2));
        if (rec == null) {
            return new Row(name, q.frechet(), Double.NaN, q.diversity(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, n2);
        }
        Row r = row(name, clf, ref, samples, yEv, 0, xEv, yEv, nEval, rec, seed, n2, false);
        return new Row(name, q.frechet(), Double.NaN, q.diversity(), r.psnr(), r.ssim(), r.denoiseGain05(),
                r.denoiseGain03(), r.denoiseGainSpeckle(), n2);
    }

    private static int firstOther(int[] labels, int a) {
        for (int i = 0; i < labels.length; i++) {
            if (i != a && labels[i] == labels[a]) {
                return i;
            }
        }
        return Math.min(1, labels.length - 1);
    }

    /** Reconstruction from (possibly corrupted) images: decode(μ(x)). */
    @FunctionalInterface
    interface Reconstructor {
        double[] apply(double[] x, int[] labels, int n);
    }

    private static Row row(String name, FeatureClassifier clf, SampleQuality.Reference ref, double[] samples,
                           int[] labels, int nGen, double[] xEv, int[] yEv, int nEval, Reconstructor rec, long seed,
                           String note) {
        return row(name, clf, ref, samples, labels, nGen, xEv, yEv, nEval, rec, seed, note, true);
    }

    private static Row row(String name, FeatureClassifier clf, SampleQuality.Reference ref, double[] samples,
                           int[] labels, int nGen, double[] xEv, int[] yEv, int nEval, Reconstructor rec, long seed,
                           String note, boolean sampleQuality) {
        SampleQuality q = sampleQuality ? SampleQuality.of(clf, ref, samples, labels, nGen)
                : new SampleQuality(Double.NaN, Double.NaN, Double.NaN, new double[0]);
        double[] r = rec.apply(xEv, yEv, nEval);
        double psnr = meanPsnr(xEv, r, nEval);
        double ssim = 0;
        for (int i = 0; i < nEval; i++) {
            ssim += ImageQuality.ssim(xEv, i * 784, r, i * 784, 28, 28, 1);
        }
        ssim /= nEval;
        double[] gains = new double[3];
        for (int g = 0; g < 3; g++) {
            double[] noisy = switch (g) {
                case 0 -> ImageNoise.gaussian(xEv, 0.5, seed + 100);
                case 1 -> ImageNoise.gaussian(xEv, 0.3, seed + 101);
                default -> ImageNoise.speckle(xEv, 0.5, seed + 102);
            };
            double[] out = rec.apply(noisy, yEv, nEval);
            gains[g] = meanPsnr(xEv, out, nEval) - meanPsnr(xEv, noisy, nEval);
        }
        return new Row(name, q.frechet(), q.classAccuracy(), q.diversity(), psnr, ssim, gains[0], gains[1], gains[2], note);
    }

    public static double meanPsnr(double[] ref, double[] img, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += ImageQuality.psnr(ref, i * 784, img, i * 784, 784, 1);
        }
        return s / n;
    }

    /** n latents from the prior CN(0, I) (interleaved complex, unit variance per complex channel). */
    public static double[] priorLatents(int n, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] z = new double[2 * n * k];
        for (int i = 0; i < z.length; i++) {
            z[i] = rnd.nextGaussian() / Math.sqrt(2);
        }
        return z;
    }

    /** Latents from a diagonal Gaussian fitted per class to the posterior means of the training images. */
    public static double[] classFittedLatents(OpticalVae vae, double[] x, int[] y, int n, int[] genLabels, long seed) {
        int k = vae.config().channels();
        int m = Math.min(n, 2000);
        double[] mu = vae.encodeMean(x, y, 0, m);
        double[][] mean = new double[10][2 * k];
        double[][] var = new double[10][2 * k];
        int[] cnt = new int[10];
        for (int i = 0; i < m; i++) {
            cnt[y[i]]++;
            for (int d = 0; d < 2 * k; d++) {
                mean[y[i]][d] += mu[i * 2 * k + d];
            }
        }
        for (int c = 0; c < 10; c++) {
            for (int d = 0; d < 2 * k; d++) {
                mean[c][d] /= Math.max(1, cnt[c]);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int d = 0; d < 2 * k; d++) {
                double diff = mu[i * 2 * k + d] - mean[y[i]][d];
                var[y[i]][d] += diff * diff;
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] z = new double[genLabels.length * 2 * k];
        for (int i = 0; i < genLabels.length; i++) {
            int c = genLabels[i];
            for (int d = 0; d < 2 * k; d++) {
                // the posterior noise σ is part of what the decoder saw in training: add it back
                double sd = Math.sqrt(var[c][d] / Math.max(1, cnt[c] - 1) + vae.config().noiseSigma() * vae.config().noiseSigma() / 2);
                z[i * 2 * k + d] = mean[c][d] + sd * rnd.nextGaussian();
            }
        }
        return z;
    }
}
