package org.phasor.cli.lightgen;

import org.phasor.cli.FftOption;
import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;
import org.phasor.io.AtomicWrite;
import org.phasor.optics.propagation.Propagator;
import org.phasor.task.generative.LightgenExperiment;
import org.phasor.task.generative.OpticalVaeConfig;
import org.phasor.task.generative.OpticalVaeTraining;
import org.phasor.task.generative.digital.FeatureClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code phasor reproduce lightgen}: trains the digital and optical conditional VAEs and writes the quality
 * table (table.json, table.md), the figures and the trained optical model (a run directory for
 * {@code phasor generate}).
 */
@Command(name = "lightgen", mixinStandardHelpOptions = true,
        description = "All-optical generative network (optical VAE with a fibre latent space) vs a digital VAE on Fashion-MNIST or MNIST: "
                + "conditional and unconditional optical VAEs, latent interpolation and arithmetic.")
public final class ReproduceLightgenCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "small subset and one epoch (a smoke run, minutes)")
    boolean quick;
    @Option(names = "--out", required = true, description = "output directory")
    Path out;
    @Option(names = "--dataset", defaultValue = "fashion",
            description = "fashion (Fashion-MNIST) or mnist (the shipped MNIST digit subset) (default: ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--data", description = "directory with the IDX files (default: Fashion-MNIST: the full Debian copy, "
            + "else the shipped subset; MNIST: the shipped subset)")
    Path data;
    @Option(names = "--classifier",
            description = "weights of the fixed feature classifier (default: data/models/fashion-mnist-classifier.npy, "
                    + "or data/models/mnist-classifier.npy with --dataset mnist)")
    Path classifier;
    @Option(names = "--epochs", description = "optical training epochs (overrides the preset)")
    Integer epochs;
    @Option(names = "--unconditional-epochs", description = "unconditional optical VAE training epochs (overrides the preset)")
    Integer unconditionalEpochs;
    @Option(names = "--digital-epochs", description = "digital VAE training epochs (overrides the preset)")
    Integer digitalEpochs;
    @Option(names = "--train-images", description = "training images (overrides the preset)")
    Integer trainImages;
    @Option(names = "--kl-weight", description = "β of the optical ELBO (overrides the preset)")
    Double klWeight;
    @Option(names = "--noise-sigma", description = "σ of the physical latent noise (overrides the preset)")
    Double noiseSigma;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Mixin
    FftOption fft;

    @Override
    public Integer call() throws Exception {
        LightgenData.Kind kind = LightgenData.Kind.parse(dataset);
        if (classifier == null) {
            classifier = Path.of(kind.classifier);
        }
        LightgenExperiment.Settings s = quick ? LightgenExperiment.Settings.quick() : LightgenExperiment.Settings.full();
        OpticalVaeConfig oc = s.optical();
        if (klWeight != null) {
            oc = oc.withKlWeight(klWeight);
        }
        if (noiseSigma != null) {
            oc = oc.withNoiseSigma(noiseSigma);
        }
        s = new LightgenExperiment.Settings(trainImages != null ? trainImages : s.trainImages(), s.testImages(),
                s.evalImages(), s.samplesPerClass(), epochs != null ? epochs : s.epochs(),
                digitalEpochs != null ? digitalEpochs : s.digitalEpochs(), s.batch(),
                s.learningRate(), s.digitalHidden(), seed, oc,
                unconditionalEpochs != null ? unconditionalEpochs : s.unconditionalEpochs());
        if (!Files.isRegularFile(classifier)) {
            throw new NoSuchFileException(classifier + " (train it with: phasor lightgen train-classifier"
                    + (kind == LightgenData.Kind.MNIST ? " --dataset mnist)" : ")"));
        }
        FeatureClassifier clf = FeatureClassifier.load(classifier);
        DataSplit split = kind.load(data, quick ? Datasets.Preference.SUBSET : Datasets.Preference.AUTO);
        Propagator prop = new Propagator(fft.backend(), Propagator.STDERR);
        LightgenExperiment.Result r = LightgenExperiment.run(s, split.train(), split.test(), clf, prop, System.out::println);
        Files.createDirectories(out);
        writeTable(r, s, split.toString());
        int per = s.samplesPerClass();
        int cols = Math.min(per, 10);
        Figures.imageGrid(out.resolve("samples_optical.png"), firstPerClass(r.opticalSamples(), per, cols), 10, cols, 2);
        Figures.imageGrid(out.resolve("samples_optical_fitted.png"), firstPerClass(r.fittedSamples(), per, cols), 10, cols, 2);
        Figures.imageGrid(out.resolve("samples_digital.png"), firstPerClass(r.digitalSamples(), per, cols), 10, cols, 2);
        Figures.imageGrid(out.resolve("samples_untrained.png"), firstPerClass(r.untrainedSamples(), per, cols), 10, cols, 2);
        Figures.imageGrid(out.resolve("interpolation.png"), r.interpolation(), 1, r.interpolationSteps(), 3);
        Figures.imageGrid(out.resolve("class_transfer.png"), r.transfer(), 1, 10, 3);
        Figures.imageGrid(out.resolve("denoising.png"), r.denoising(), 4, r.denoisingColumns(), 3);
        Figures.imageGrid(out.resolve("samples_unconditional.png"), r.unconditionalSamples(), 10, 10, 2);
        Figures.imageGrid(out.resolve("samples_unconditional_fitted.png"), r.unconditionalFittedSamples(), 10, 10, 2);
        Figures.imageGrid(out.resolve("samples_unconditional_mixture.png"),
                firstPerClass(r.unconditionalMixtureSamples(), per, cols), 10, cols, 2);
        LightgenExperiment.Arithmetic a = r.arithmetic();
        Figures.imageGrid(out.resolve("latent_arithmetic.png"), a.figure(), a.figureRows(), a.figureCols(), 2);
        writeCurve(r.curve(), "learning_curve", "optical CVAE, in-silico training");
        writeCurve(r.unconditionalCurve(), "learning_curve_unconditional", "unconditional optical VAE, in-silico training");
        RunFiles.save(out.resolve("optical-cvae"), r.vae());
        RunFiles.save(out.resolve("optical-vae-unconditional"), r.unconditionalVae());
        System.out.println("wrote " + out.resolve("table.md") + ", figures and the run directories " + out.resolve("optical-cvae")
                + ", " + out.resolve("optical-vae-unconditional"));
        return 0;
    }

    /** The first {@code cols} samples of each class (samples are grouped by class, {@code per} each). */
    static double[] firstPerClass(double[] samples, int per, int cols) {
        double[] g = new double[10 * cols * 784];
        for (int c = 0; c < 10; c++) {
            System.arraycopy(samples, c * per * 784, g, c * cols * 784, cols * 784);
        }
        return g;
    }

    private void writeTable(LightgenExperiment.Result r, LightgenExperiment.Settings s, String data) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", data);
        json.put("settings", s);
        json.put("rows", r.rows());
        LightgenExperiment.Arithmetic a = r.arithmetic();
        Map<String, Object> arith = new LinkedHashMap<>();
        arith.put("model", "unconditional optical VAE");
        arith.put("rule", "z = mu(x_A) - m_class(A) + m_B, m_c = mean posterior mean of training class c");
        arith.put("recognised_as_target", a.toTarget());
        arith.put("pairs", a.pairs());
        arith.put("recognised_as_target_by_class", a.toTargetByClass());
        arith.put("reconstruction_keeps_class", a.reconstructionKept());
        arith.put("decoded_class_mean_recognised", a.classMeanRecognised());
        json.put("latent_arithmetic", arith);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("optical_training_steps", r.steps());
        timing.put("optical_seconds_per_step", r.opticalSecondsPerStep());
        timing.put("optical_seconds_per_generated_image", r.opticalSecondsPerImage());
        timing.put("batch", s.batch());
        json.put("timing", timing);
        byte[] bytes = RunFiles.JSON.writeValueAsBytes(json);
        AtomicWrite.write(out.resolve("table.json"), o -> o.write(bytes));
        StringBuilder md = new StringBuilder();
        md.append("| model | Fréchet | class acc. | diversity | PSNR dB | SSIM | denoise gain σ=0.5 | σ=0.3 | speckle 0.5 | notes |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (LightgenExperiment.Row row : r.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", row.name(),
                    f(row.frechet()), f(row.classAccuracy()), f(row.diversity()), f(row.psnr()), f(row.ssim()),
                    f(row.denoiseGain05()), f(row.denoiseGain03()), f(row.denoiseGainSpeckle()), row.note()));
        }
        md.append(String.format(Locale.ROOT, "%nDiversity: within-class for class-conditional rows, overall (mean "
                + "pairwise feature distance of the samples / the same for the test images) for unconditional rows.%n"));
        md.append(String.format(Locale.ROOT, "%nLatent arithmetic (unconditional optical VAE, z = μ(x_A) − m_class(A) + m_B): "
                        + "%.1f %% of %d results recognised as class B (B ≠ class(A)); plain reconstructions keep their class "
                        + "%.1f %%; decoded class means m_B recognised %.0f %%.%n", 100 * a.toTarget(), a.pairs(),
                100 * a.reconstructionKept(), 100 * a.classMeanRecognised()));
        md.append(String.format(Locale.ROOT, "%nData: %s. Optical training: %d steps of batch %d, %.3f s/step, "
                        + "generation %.4f s/image (this machine, single precision).%n", data, r.steps(), s.batch(),
                r.opticalSecondsPerStep(), r.opticalSecondsPerImage()));
        byte[] mdBytes = md.toString().getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(out.resolve("table.md"), o -> o.write(mdBytes));
        System.out.print(md);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private void writeCurve(List<OpticalVaeTraining.LogEntry> curve, String name, String title) throws Exception {
        StringBuilder csv = new StringBuilder("epoch,step,reconstruction,kl,seconds\n");
        double[] x = new double[curve.size()];
        double[] rec = new double[curve.size()];
        double[] kl = new double[curve.size()];
        for (int i = 0; i < curve.size(); i++) {
            OpticalVaeTraining.LogEntry e = curve.get(i);
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.2f%n", e.epoch(), e.step(), e.reconstruction(), e.kl(), e.seconds()));
            x[i] = e.step();
            rec[i] = e.reconstruction();
            kl[i] = e.kl();
        }
        byte[] b = csv.toString().getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(out.resolve(name + ".csv"), o -> o.write(b));
        if (curve.size() >= 1) {
            List<Figures.Series> series = new ArrayList<>();
            series.add(new Figures.Series("reconstruction (per image)", x, rec, Color.BLUE));
            series.add(new Figures.Series("KL (per image)", x, kl, Color.RED));
            Figures.lineChart(out.resolve(name + ".png"), title, "step", series);
        }
    }
}
