package org.phasor.cli.lightgen;

import org.phasor.cli.FftOption;
import org.phasor.cli.FfmProcedureOptions;
import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;
import org.phasor.io.AtomicWrite;
import org.phasor.sim.Imperfections;
import org.phasor.sim.Profiles;
import org.phasor.sim.experiment.FfmProcedure;
import org.phasor.sim.experiment.LightgenInSitu;
import org.phasor.task.generative.BenchDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code phasor reproduce lightgen-insitu}: the optical generator's decoder trained in silico, deployed on a
 * simulated bench, and fine-tuned there by FFM; writes table.json, table.md, sample grids and the FFM curve.
 */
@Command(name = "lightgen-insitu", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Optical VAE decoder on a simulated bench: the in-silico design deployed vs fine-tuned in situ by FFM",
                "(and the ideal simulation); writes table.json, table.md, samples_*.png, ffm_curve.png."})
public final class ReproduceLightgenInSituCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "300 training images, 1 epoch, 4 FFM steps (seconds)")
    boolean quick;
    @Option(names = "--out", required = true, description = "output directory")
    Path out;
    @Option(names = "--bench", paramLabel = "ideal|lab|FILE", defaultValue = "lab",
            description = "imperfection profile of the simulated bench (default: ${DEFAULT-VALUE})")
    String bench;
    @Option(names = "--data", description = "directory with the Fashion-MNIST IDX files (default: full Debian copy, else the shipped subset)")
    Path data;
    @Option(names = "--classifier", defaultValue = "data/models/fashion-mnist-classifier.npy",
            description = "weights of the fixed feature classifier (default: ${DEFAULT-VALUE})")
    Path classifier;
    @Option(names = "--train-images", description = "training images (overrides the preset)")
    Integer trainImages;
    @Option(names = "--epochs", description = "in-silico training epochs (overrides the preset)")
    Integer epochs;
    @Option(names = "--ffm-steps", description = "FFM fine-tuning steps (overrides the preset)")
    Integer ffmSteps;
    @Option(names = "--ffm-batch", description = "images per FFM step (overrides the preset)")
    Integer ffmBatch;
    @Option(names = "--ffm-lr", description = "Adam learning rate of the fine-tuning (overrides the preset)")
    Double ffmLr;
    @Option(names = "--scratch-lr", description = "Adam learning rate of the bench training from the initial phases (overrides the preset)")
    Double scratchLr;
    @Mixin
    FfmProcedureOptions procedure;
    @Option(names = "--no-ablation", description = "skip the ablation row (fine-tuning with phases free to wrap)")
    boolean noAblation;
    @Mixin
    FftOption fft;

    @Override
    public Integer call() throws Exception {
        LightgenInSitu.Settings s = quick ? LightgenInSitu.Settings.quick() : LightgenInSitu.Settings.full();
        s = s.withTraining(trainImages != null ? trainImages : s.trainImages(), epochs != null ? epochs : s.epochs());
        LightgenInSitu.InSituTraining t = s.inSitu();
        int steps = ffmSteps != null ? ffmSteps : t.steps();
        int batch = ffmBatch != null ? ffmBatch : t.batch();
        double lr = ffmLr != null ? ffmLr : t.learningRate();
        double scratch = scratchLr != null ? scratchLr : t.scratchLearningRate();
        if (s.trainImages() < 1 || s.epochs() < 0 || steps < 0 || batch < 1 || !(lr > 0) || !(scratch > 0)) {
            throw new IllegalArgumentException("--train-images/--ffm-batch must be ≥ 1, --epochs/--ffm-steps ≥ 0, --ffm-lr/--scratch-lr > 0");
        }
        s = s.withInSitu(new LightgenInSitu.InSituTraining(steps, batch, lr, scratch, t.wrapAblation() && !noAblation));
        FfmProcedure p = procedure.applyTo(s.ffm());
        s = s.withFfm(p);
        if (!Files.isRegularFile(classifier)) {
            throw new NoSuchFileException(classifier + " (train it with: phasor lightgen train-classifier)");
        }
        Imperfections profile = Profiles.load(bench);
        var clf = org.phasor.task.generative.digital.FeatureClassifier.load(classifier);
        DataSplit split = Datasets.fashionMnist(data, quick ? Datasets.Preference.SUBSET : Datasets.Preference.AUTO,
                System.out::println);
        LightgenInSitu.Result r = LightgenInSitu.run(s, split.train(), split.test(), clf, bench, profile, fft.backend(),
                line -> {
                    System.out.println(line);
                    System.out.flush();
                });
        Files.createDirectories(out);
        writeTable(r, s, split.toString());
        int per = r.samplesPerClass();
        int cols = Math.min(per, 10);
        Figures.imageGrid(out.resolve("samples_ideal.png"), ReproduceLightgenCommand.firstPerClass(r.idealSamples(), per, cols), 10, cols, 2);
        Figures.imageGrid(out.resolve("samples_deployed.png"), ReproduceLightgenCommand.firstPerClass(r.deployedSamples(), per, cols), 10, cols, 2);
        Figures.imageGrid(out.resolve("samples_ffm.png"), ReproduceLightgenCommand.firstPerClass(r.ffmSamples(), per, cols), 10, cols, 2);
        Figures.imageGrid(out.resolve("samples_ffm_scratch.png"), ReproduceLightgenCommand.firstPerClass(r.scratchSamples(), per, cols), 10, cols, 2);
        writeCurve(r);
        System.out.println("wrote " + out.resolve("table.md") + ", samples_{ideal,deployed,ffm,ffm_scratch}.png, ffm_curve.png");
        return 0;
    }

    private void writeTable(LightgenInSitu.Result r, LightgenInSitu.Settings s, String dataName) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", dataName);
        json.put("bench", bench);
        json.put("settings", s);
        json.put("rows", r.rows());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("launch_scale", r.launchScale());
        b.put("calibration", r.calibration());
        b.put("ffm", r.ffm());
        b.put("ffm_frames_per_step", s.inSitu().steps() == 0 ? 0 : (double) r.ffm().frames() / s.inSitu().steps());
        b.put("calibration_loss_deployed", r.deployedLoss());
        b.put("calibration_loss_fine_tuned", r.fineTunedLoss());
        b.put("calibration_loss_scratch", r.scratchLoss());
        b.put("in_silico_steps", r.inSilicoSteps());
        b.put("seconds", r.seconds());
        json.put("bench_run", b);
        json.put("ffm_curve", r.curve());
        json.put("ffm_scratch_curve", r.scratchCurve());
        json.put("ffm_wrap_curve", r.wrapCurve());
        byte[] bytes = RunFiles.JSON.writeValueAsBytes(json);
        AtomicWrite.write(out.resolve("table.json"), o -> o.write(bytes));
        StringBuilder md = new StringBuilder();
        md.append("| decoder | Fréchet | class acc. | diversity | PSNR dB | bench frames: calibration + training | evaluation | notes |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (LightgenInSitu.Row row : r.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f %% | %.3f | %.2f | %d | %d | %s |%n", row.name(),
                    row.frechet(), 100 * row.classAccuracy(), row.diversity(), row.psnr(), row.adaptationFrames(),
                    row.evaluationFrames(), row.note()));
        }
        md.append(String.format(Locale.ROOT, "%nData: %s; bench profile %s. Reconstruction loss per image of the %d"
                        + " calibration images on the bench: deployed %.3f, FFM fine-tuned %.3f, FFM from the initial phases %.3f."
                        + " FFM fine-tuning: %d steps, %.0f frames per step, %.0f s of camera time in all; calibration %d"
                        + " frames. Run %.0f s.%n", dataName, bench, s.calibrationImages(), r.deployedLoss(),
                r.fineTunedLoss(), r.scratchLoss(), s.inSitu().steps(),
                s.inSitu().steps() == 0 ? 0.0 : (double) r.ffm().frames() / s.inSitu().steps(), r.ffm().seconds(),
                r.calibration().frames(), r.seconds()));
        byte[] mdBytes = md.toString().getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(out.resolve("table.md"), o -> o.write(mdBytes));
        System.out.print(md);
    }

    private void writeCurve(LightgenInSitu.Result r) throws Exception {
        List<Figures.Series> series = new java.util.ArrayList<>();
        add(series, r.curve(), "fine-tuned from the in-silico design", Color.BLUE);
        add(series, r.scratchCurve(), "trained from the initial phases", Color.RED);
        add(series, r.wrapCurve(), "fine-tuned, phases free to wrap (ablation)", Color.GRAY);
        if (!series.isEmpty()) {
            Figures.lineChart(out.resolve("ffm_curve.png"), "FFM on the bench: reconstruction loss per image", "step", series);
        }
    }

    private static void add(List<Figures.Series> series, List<BenchDecoder.LogEntry> curve, String name, Color c) {
        if (curve.isEmpty()) {
            return;
        }
        double[] x = new double[curve.size()];
        double[] y = new double[curve.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = curve.get(i).step();
            y[i] = curve.get(i).reconstruction();
        }
        series.add(new Figures.Series(name, x, y, c));
    }
}
