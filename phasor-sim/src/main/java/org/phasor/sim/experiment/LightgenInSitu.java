package org.phasor.sim.experiment;

import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchCost;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.Holography;
import org.phasor.data.Dataset;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackend;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.SimulatedBench;
import org.phasor.task.generative.BenchDecoder;
import org.phasor.task.generative.LightgenExperiment;
import org.phasor.task.generative.OpticalVae;
import org.phasor.task.generative.OpticalVaeConfig;
import org.phasor.task.generative.OpticalVaeTraining;
import org.phasor.task.generative.digital.FeatureClassifier;
import org.phasor.task.generative.metrics.SampleQuality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * In-situ training of the optical generator (issue 9, item 6): the conditional optical VAE is trained in silico;
 * its decoder (fibre emitter → diffractive decoder → camera) then runs on a simulated bench with a hidden
 * imperfection profile (the latent is launched as the emitter's field at the bench's input plane), and is
 * <ul>
 *   <li>deployed as designed (phases through the bench's measured calibration, camera gain refitted on the bench),</li>
 *   <li>fine-tuned on the bench by FFM from the in-silico design ({@link BenchDecoder#train}: data pass, error
 *       pass from the camera, both by holography), then evaluated on the same bench,</li>
 *   <li>trained on a fresh copy of the same lab by FFM from the in-silico run's initial phases,</li>
 *   <li>optionally (ablation) fine-tuned with phases free to cross the SLM's phase wrap,</li>
 * </ul>
 * against the ideal simulation and the in-silico design on the ideal bench (a check that bench and model agree).
 * Samples are drawn from the per-class Gaussian fitted to the in-silico encoder's posterior means (the sampler of
 * the main table's best row); quality is measured in the fixed classifier's feature space.
 *
 * <p>The encoder stays in silico (its posterior means feed the bench decoder's training): see docs/lightgen.md.
 * The orchestration creates the benches; the decoder code receives them only as {@link org.phasor.bench.Bench}.
 */
public final class LightgenInSitu {

    /**
     * @param trainImages     training images (first of a seeded permutation)
     * @param testImages      test images of the Fréchet reference
     * @param evalImages      test images for reconstruction PSNR (decoded from the in-silico encoder's μ)
     * @param samplesPerClass generated samples per class
     * @param epochs          in-silico training epochs
     * @param batch           in-silico batch
     * @param learningRate    in-silico Adam learning rate
     * @param inSitu          the FFM training on the bench (steps, batch, learning rates, ablation)
     * @param ffm             how FFM measures on the bench: holography steps, reference tracking, re-calibration every
     *                        this many steps (0 = never; drift); re-registration in between is not supported here
     * @param exposurePeak    launch power: mean brightest output pixel, calibrated intensity units (the lab camera
     *                        saturates near 15.6 and the holography reference adds |r|² = 1)
     * @param calibrationImages training images used to set the exposure and fit the camera gain on a bench
     * @param seed            seed of everything
     * @param optical         the VAE (pad 2: the bench's propagation is linear, zero-padded)
     */
    public record Settings(int trainImages, int testImages, int evalImages, int samplesPerClass, int epochs, int batch,
                           double learningRate, InSituTraining inSitu, FfmProcedure ffm, double exposurePeak,
                           int calibrationImages, long seed, OpticalVaeConfig optical) {
        public Settings {
            Objects.requireNonNull(inSitu, "in-situ training");
            if (ffm.registerEvery() != 0) {
                throw new IllegalArgumentException("lightgen-insitu: re-registration between calibrations is not supported");
            }
        }

        public static Settings quick() {
            return new Settings(300, 300, 20, 5, 1, 16, 0.05, new InSituTraining(4, 8, 0.03, 0.05, false),
                    new FfmProcedure(3, false, 2, 0), 4.0, 16, 1, OpticalVaeConfig.small(true).withPad(2));
        }

        public static Settings full() {
            return new Settings(8000, 10000, 300, 100, 5, 32, 0.03, new InSituTraining(600, 16, 0.03, 0.05, true),
                    new FfmProcedure(3, false, 50, 0), 4.0, 64, 1, OpticalVaeConfig.small(true).withPad(2));
        }

        public Settings withTraining(int images, int ep) {
            return new Settings(images, testImages, evalImages, samplesPerClass, ep, batch, learningRate, inSitu, ffm,
                    exposurePeak, calibrationImages, seed, optical);
        }

        public Settings withInSitu(InSituTraining t) {
            return new Settings(trainImages, testImages, evalImages, samplesPerClass, epochs, batch, learningRate, t, ffm,
                    exposurePeak, calibrationImages, seed, optical);
        }

        public Settings withFfm(FfmProcedure p) {
            return new Settings(trainImages, testImages, evalImages, samplesPerClass, epochs, batch, learningRate, inSitu,
                    p, exposurePeak, calibrationImages, seed, optical);
        }
    }

    /**
     * The FFM training of the decoder on the bench (the fine-tuning of the design and the run from scratch).
     *
     * @param steps               FFM steps
     * @param batch               images per FFM step
     * @param learningRate        Adam learning rate of the fine-tuning (radians)
     * @param scratchLearningRate Adam learning rate of the bench training from the initial phases
     * @param wrapAblation        also fine-tune with phases free to cross the SLM's wrap (the ablation row)
     */
    public record InSituTraining(int steps, int batch, double learningRate, double scratchLearningRate,
                                 boolean wrapAblation) {
        public InSituTraining {
            if (steps < 0 || batch < 1 || !(learningRate > 0) || !(scratchLearningRate > 0)) {
                throw new IllegalArgumentException("in-situ training needs steps ≥ 0, batch ≥ 1 and learning rates > 0, got "
                        + steps + ", " + batch + ", " + learningRate + ", " + scratchLearningRate);
            }
        }
    }

    /**
     * One row: quality of samples from fitted latents, reconstruction PSNR from μ, and bench frames spent on
     * calibration + training (adaptation) and on evaluation.
     */
    public record Row(String name, double frechet, double classAccuracy, double diversity, double psnr,
                      long adaptationFrames, long evaluationFrames, String note) {
    }

    /** The table, the samples of the figures (grouped by class), the FFM curve and the bench bookkeeping. */
    public record Result(List<Row> rows, int samplesPerClass, double[] idealSamples, double[] idealBenchSamples,
                         double[] deployedSamples, double[] ffmSamples, double[] scratchSamples,
                         List<BenchDecoder.LogEntry> curve, List<BenchDecoder.LogEntry> scratchCurve,
                         List<BenchDecoder.LogEntry> wrapCurve, double deployedLoss, double fineTunedLoss,
                         double scratchLoss, double launchScale, BenchCost calibration, BenchCost ffm,
                         long inSilicoSteps, double seconds) {
    }

    private LightgenInSitu() {
    }

    public static Result run(Settings s, Dataset train, Dataset test, FeatureClassifier clf, String benchName,
                             Imperfections profile, FftBackend fft, Consumer<String> log) {
        long t0 = System.nanoTime();
        Dataset tr = train.select(Arrays.copyOf(train.permutation(s.seed()), Math.min(s.trainImages(), train.size())),
                train.name() + " (seeded subset)");
        int nTr = tr.size();
        int nTe = Math.min(s.testImages(), test.size());
        double[] xTr = LightgenExperiment.toDouble(tr.features(), 0, nTr);
        int[] yTr = tr.labels();
        double[] xTe = LightgenExperiment.toDouble(test.features(), 0, nTe);
        int[] yTe = Arrays.copyOf(test.labels(), nTe);
        int nEval = Math.min(s.evalImages(), nTe);
        double[] xEv = Arrays.copyOf(xTe, nEval * 784);
        int[] yEv = Arrays.copyOf(yTe, nEval);
        SampleQuality.Reference ref = SampleQuality.Reference.of(clf, xTe, yTe, 10);
        int per = s.samplesPerClass();
        int nGen = 10 * per;
        int[] genLabels = new int[nGen];
        for (int i = 0; i < nGen; i++) {
            genLabels[i] = i / per;
        }

        // 1. in-silico design
        Propagator prop = new Propagator(fft, msg -> log.accept("warning: " + msg));
        OpticalVae vae = new OpticalVae(s.optical(), prop, Precision.SINGLE, s.batch());
        double[][] initial = vae.state().decoder().copy().layers();
        vae.calibrate(xTr, yTr, Math.min(nTr, s.batch()));
        long steps = OpticalVaeTraining.train(vae, xTr, yTr, nTr,
                new OpticalVaeTraining.Settings(s.epochs(), s.batch(), s.learningRate(), s.seed() + 1),
                Math.max(1, nTr / s.batch() / 5), e -> log.accept(String.format(Locale.ROOT,
                        "in silico: epoch %d step %d: reconstruction %.3f, KL %.3f (%.0f s)", e.epoch(), e.step(),
                        e.reconstruction(), e.kl(), e.seconds())));
        double[] zGen = LightgenExperiment.classFittedLatents(vae, xTr, yTr, nTr, genLabels, s.seed() + 41);
        double[] muEv = vae.encodeMean(xEv, yEv, 0, nEval);
        double[] muTr = vae.encodeMean(xTr, yTr, 0, nTr);
        int nCal = Math.min(s.calibrationImages(), nTr);
        double[] xCal = Arrays.copyOf(xTr, nCal * 784);
        int[] yCal = Arrays.copyOf(yTr, nCal);
        double[] muCal = vae.encodeMean(xCal, yCal, 0, nCal);
        double[][] design = vae.state().decoder().copy().layers();
        double alphaModel = vae.state().cameraGain();
        List<Row> rows = new ArrayList<>();
        double[] ideal = vae.decode(zGen, genLabels, nGen);
        rows.add(row("ideal simulation (in-silico design)", clf, ref, ideal, genLabels, nGen, xEv,
                vae.decode(muEv, yEv, nEval), nEval, 0, 0, String.format(Locale.ROOT,
                        "%d epochs on %d images, %d steps of batch %d", s.epochs(), nTr, steps, s.batch())));
        log.accept("ideal simulation: " + rows.getLast());

        // 2. the same design on the ideal bench (nominal calibration, exact camera): bench and model must agree
        BenchDescription d = description(s.optical(), benchName);
        int planes = d.modulators() + 2;
        SimulatedBench idealBench = new SimulatedBench(description(s.optical(), "ideal"), Imperfections.NONE,
                new Propagator(fft, msg -> { }));
        BenchDecoder id = new BenchDecoder(idealBench, BenchCalibration.nominal(d), new Holography(s.ffm().holographySteps(), planes), vae);
        id.program(design);
        double idScale = id.setExposure(muCal, yCal, nCal, s.exposurePeak());
        double alphaIdeal = alphaModel / (idScale * idScale);
        long f0 = idealBench.cost().frames();
        double[] idealBenchSamples = id.images(zGen, genLabels, nGen, alphaIdeal);
        double[] idealBenchRec = id.images(muEv, yEv, nEval, alphaIdeal);
        rows.add(row("in-silico design on the ideal bench", clf, ref, idealBenchSamples, genLabels, nGen, xEv,
                idealBenchRec, nEval, 0, idealBench.cost().frames() - f0,
                "nominal calibration, exact camera, the model's camera gain (a check: equals the simulation up to 8-bit phase levels)"));
        log.accept("ideal bench: " + rows.getLast());

        // 3. the lab: calibrate, set the launch power, fit the camera gain, deploy the in-silico design
        SimulatedBench lab = new SimulatedBench(d, profile, new Propagator(fft, msg -> { }));
        Holography holo = s.ffm().holography(planes);
        BenchCalibration cal = BenchCalibration.measure(lab, holo, 8, 4);
        log.accept(String.format(Locale.ROOT, "%s bench: calibration %d frames", benchName, cal.cost().frames()));
        BenchDecoder bd = new BenchDecoder(lab, cal, holo, vae);
        long a0 = lab.cost().frames();
        bd.program(design);
        double scale = bd.setExposure(muCal, yCal, nCal, s.exposurePeak());
        double alphaLab = bd.fitCameraGain(muCal, yCal, xCal, nCal);
        long adaptDeployed = cal.cost().frames() + lab.cost().frames() - a0;
        long e0 = lab.cost().frames();
        double deployedLoss = benchLoss(bd, vae, muCal, yCal, xCal, nCal, alphaLab);
        double[] deployed = bd.images(zGen, genLabels, nGen, alphaLab);
        double[] deployedRec = bd.images(muEv, yEv, nEval, alphaLab);
        rows.add(row("in-silico design deployed on the " + benchName + " bench", clf, ref, deployed, genLabels,
                nGen, xEv, deployedRec, nEval, adaptDeployed, lab.cost().frames() - e0, String.format(Locale.ROOT,
                        "measured calibration; launch scale %.3f; camera gain refitted on the bench", scale)));
        log.accept("deployed: " + rows.getLast());

        // 4. FFM fine-tuning on the same bench, from the in-silico design
        InSitu ft = inSitu(bd, lab, s, s.inSitu().learningRate(), true, muTr, yTr, xTr, nTr, design, alphaLab, muCal, yCal,
                xCal, nCal, clf, ref, zGen, genLabels, muEv, yEv, xEv, adaptDeployed,
                "FFM fine-tuned on the " + benchName + " bench (from the in-silico design)", "fine-tune", log);
        rows.add(ft.row);
        // 5. FFM training from the in-silico run's initial phases, on a fresh copy of the same lab
        FreshLab l2 = freshLab(d, profile, fft, s, vae, initial, muCal, yCal, xCal, nCal);
        InSitu sc = inSitu(l2.decoder(), l2.bench(), s, s.inSitu().scratchLearningRate(), true, muTr, yTr, xTr, nTr, initial,
                l2.alpha(), muCal, yCal, xCal, nCal, clf, ref, zGen, genLabels, muEv, yEv, xEv, l2.setupFrames(),
                "FFM trained on the " + benchName + " bench from the initial phases", "scratch", log);
        rows.add(sc.row);
        // 6. ablation: the fine-tuning with phases free to cross the device's wrap (a third copy of the lab)
        InSitu wrap = null;
        if (s.inSitu().wrapAblation()) {
            FreshLab l3 = freshLab(d, profile, fft, s, vae, design, muCal, yCal, xCal, nCal);
            wrap = inSitu(l3.decoder(), l3.bench(), s, s.inSitu().learningRate(), false, muTr, yTr, xTr, nTr, design,
                    l3.alpha(), muCal, yCal, xCal, nCal, clf, ref, zGen, genLabels, muEv, yEv, xEv, l3.setupFrames(),
                    "ablation: FFM fine-tuned with phases free to cross the wrap", "wrap", log);
            rows.add(wrap.row);
        }
        return new Result(rows, per, ideal, idealBenchSamples, deployed, ft.samples, sc.samples, ft.curve, sc.curve,
                wrap == null ? List.of() : wrap.curve, deployedLoss, ft.loss, sc.loss, scale, cal.cost(), ft.cost,
                steps, (System.nanoTime() - t0) * 1e-9);
    }

    /** A fresh copy of the lab ({@code setupFrames}: calibration, launch power and camera-gain fit). */
    private record FreshLab(SimulatedBench bench, BenchDecoder decoder, double alpha, long setupFrames) {
    }

    /** Builds another copy of the same lab, calibrates it, programs {@code start}, sets the launch power, fits α. */
    private static FreshLab freshLab(BenchDescription d, Imperfections profile, FftBackend fft, Settings s,
                                     OpticalVae vae, double[][] start, double[] muCal, int[] yCal, double[] xCal,
                                     int nCal) {
        SimulatedBench lab = new SimulatedBench(d, profile, new Propagator(fft, msg -> { }));
        Holography holo = s.ffm().holography(d.modulators() + 2);
        BenchCalibration cal = BenchCalibration.measure(lab, holo, 8, 4);
        BenchDecoder bd = new BenchDecoder(lab, cal, holo, vae);
        bd.program(start);
        long a = lab.cost().frames();
        bd.setExposure(muCal, yCal, nCal, s.exposurePeak());
        double alpha = bd.fitCameraGain(muCal, yCal, xCal, nCal);
        return new FreshLab(lab, bd, alpha, cal.cost().frames() + lab.cost().frames() - a);
    }

    private record InSitu(Row row, double[] samples, List<BenchDecoder.LogEntry> curve, double loss, BenchCost cost) {
    }

    /** Trains the bench decoder by FFM from {@code init}, refits the camera gain, evaluates on the same bench. */
    private static InSitu inSitu(BenchDecoder bd, SimulatedBench lab, Settings s, double lr, boolean noWrap,
                                 double[] muTr, int[] yTr, double[] xTr, int nTr, double[][] init, double alpha,
                                 double[] muCal, int[] yCal, double[] xCal, int nCal, FeatureClassifier clf,
                                 SampleQuality.Reference ref, double[] zGen, int[] genLabels, double[] muEv, int[] yEv,
                                 double[] xEv, long framesBefore, String name, String tag, Consumer<String> log) {
        BenchDecoder.Result r = bd.train(new BenchDecoder.Settings(s.inSitu().steps(), s.inSitu().batch(), lr,
                        Math.max(1, s.inSitu().steps() / 10), s.seed() + 7, noWrap, s.ffm().recalibrateEvery()), muTr, yTr, xTr, nTr, init, alpha,
                e -> log.accept(String.format(Locale.ROOT, "FFM %s step %d: bench reconstruction %.3f, α %.4g, %d frames (%.0f s)",
                        tag, e.step(), e.reconstruction(), e.cameraGain(), e.frames(), e.seconds())));
        long g0 = lab.cost().frames();
        double a = bd.fitCameraGain(muCal, yCal, xCal, nCal);
        long adapt = framesBefore + r.cost().frames() + lab.cost().frames() - g0;
        long e0 = lab.cost().frames();
        double loss = benchLoss(bd, bd.vae(), muCal, yCal, xCal, nCal, a);
        int nGen = genLabels.length;
        int nEval = yEv.length;
        double[] samples = bd.images(zGen, genLabels, nGen, a);
        double[] rec = bd.images(muEv, yEv, nEval, a);
        Row row = row(name, clf, ref, samples, genLabels, nGen, xEv, rec, nEval, adapt, lab.cost().frames() - e0,
                String.format(Locale.ROOT, "%d FFM steps of %d images, Adam lr %.3g, %s%s; frames include the calibration",
                        s.inSitu().steps(), s.inSitu().batch(), lr, s.ffm().summary(), noWrap ? ", phases kept in the SLM's range" : ""));
        log.accept(tag + ": " + row);
        return new InSitu(row, samples, r.curve(), loss, r.cost());
    }

    /** The decoder's bench geometry: the VAE's grid, its L_d layers and L_d + 1 equal gaps. */
    static BenchDescription description(OpticalVaeConfig c, String name) {
        double[] z = new double[c.decoderLayers() + 1];
        Arrays.fill(z, c.distance());
        return new BenchDescription("optical VAE decoder, simulated:" + name, c.grid(), c.grid(), c.pitch(),
                c.wavelength(), z, c.decoderLayers(), 256, 1.0 / 42);
    }

    /** Mean reconstruction loss per image of the calibration images decoded from μ on the bench (no noise). */
    private static double benchLoss(BenchDecoder bd, OpticalVae vae, double[] mu, int[] y, double[] x, int n, double alpha) {
        double[] frames = bd.frames(mu, y, n);
        return vae.reconstructionLoss(frames, n, alpha, x, 0, new double[frames.length]) / n;
    }

    private static Row row(String name, FeatureClassifier clf, SampleQuality.Reference ref, double[] samples, int[] labels,
                           int nGen, double[] xEv, double[] rec, int nEval, long adaptation, long evaluation, String note) {
        SampleQuality q = SampleQuality.of(clf, ref, samples, labels, nGen);
        return new Row(name, q.frechet(), q.classAccuracy(), q.diversity(), LightgenExperiment.meanPsnr(xEv, rec, nEval),
                adaptation, evaluation, note);
    }
}
