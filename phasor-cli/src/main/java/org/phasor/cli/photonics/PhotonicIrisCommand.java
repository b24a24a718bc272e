package org.phasor.cli.photonics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.phasor.photonics.bench.ChipImperfections;
import org.phasor.photonics.train.ChipTraining;
import org.phasor.photonics.train.PhotonicIris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phasor reproduce photonic-iris}: the FFM paper's integrated-photonics Iris table, in shape. */
@Command(name = "photonic-iris", mixinStandardHelpOptions = true,
        description = {"Iris on a chip of folded symmetric cores (16-16-8 ports): ideal simulation, in-silico trained and deployed,",
            "and fully-forward (FFM) trained, for the chip imperfection levels low, lab and high.",
            "Writes table.json, table.md, curves.csv, accuracy.png, loss.png and light-flow.png to --out."})
public final class PhotonicIrisCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "output directory (created)")
    Path out;

    @Option(names = "--quick", description = "12 epochs at lr 0.03 (about 10 s) instead of 100 at 0.01")
    boolean quick;

    @Option(names = "--epochs", description = "override the number of epochs")
    Integer epochs;

    @Option(names = "--seed", description = "data split, initial settings and chip seeds (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--pat", description = "also train physics-aware (chip forward pass, model backward pass)")
    boolean pat;

    @Option(names = "--verbose", description = "print every epoch")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PhotonicIris base = quick ? PhotonicIris.quick() : PhotonicIris.full();
        PhotonicIris exp = new PhotonicIris(base.shape(), base.levels(), epochs != null ? epochs : base.epochs(), base.batch(),
                base.lr(), base.trainPerClass(), seed, base.detectionSteps(), base.probeSize(), pat);
        if (exp.epochs() <= 0) {
            throw new IllegalArgumentException("--epochs must be positive, got " + exp.epochs());
        }
        Files.createDirectories(out);
        var log = spec.commandLine().getOut();
        PhotonicIris.Result r = exp.run(s -> {
            if (verbose || s.contains(": ideal")) {
                log.println(s);
                log.flush();
            }
        });
        write(exp, r);
        log.println("wrote " + out.resolve("table.md"));
        return 0;
    }

    private void write(PhotonicIris exp, PhotonicIris.Result r) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", "photonic-iris");
        json.put("command", "phasor reproduce photonic-iris --out " + out + (quick ? " --quick" : "")
                + (epochs != null ? " --epochs " + epochs : "") + (pat ? " --pat" : "") + " --seed " + seed);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("layout", exp.shape().layout());
        cfg.put("coreModes", exp.shape().modes());
        cfg.put("activation", exp.shape().activation());
        cfg.put("classPorts", exp.shape().classes());
        cfg.put("logitScale", exp.shape().logitScale());
        cfg.put("epochs", exp.epochs());
        cfg.put("batch", exp.batch());
        cfg.put("optimizer", "adam");
        cfg.put("lr", exp.lr());
        cfg.put("trainSamples", r.trainSize());
        cfg.put("testSamples", r.testSize());
        cfg.put("coherentDetectionSteps", exp.detectionSteps());
        cfg.put("gradientProbeSamples", exp.probeSize());
        cfg.put("seed", exp.seed());
        json.put("config", cfg);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            PhotonicIris.Row row = r.rows().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", row.level());
            m.put("imperfections", exp.levels().get(i));
            m.put("idealAccuracy", row.idealAccuracy());
            m.put("deployedAccuracy", row.deployedAccuracy());
            m.put("ffmAccuracy", row.ffmAccuracy());
            m.put("idealAccuracyLast10Mean", tailMean(r.idealCurve()));
            m.put("ffmAccuracyLast10Mean", tailMean(row.ffmCurve()));
            m.put("patAccuracy", row.patAccuracy());
            m.put("ffmGradientDeviation", row.ffmGradDeviation());
            m.put("ffmGradientDeviationAtDesign", row.ffmDevAtDesign());
            m.put("modelGradientDeviationAtDesign", row.modelDevAtDesign());
            m.put("ffmBenchCost", row.ffmCost());
            rows.add(m);
        }
        json.put("rows", rows);
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Png.write(om.writeValueAsString(json), out.resolve("table.json"));

        StringBuilder md = new StringBuilder();
        md.append("# Photonic Iris (FFM on a chip of folded symmetric cores)\n\n");
        md.append("Command: `").append(json.get("command")).append("`  \n");
        md.append(String.format(Locale.ROOT, "Cores %s (%s), activation %s, %d epochs, batch %d, Adam lr %s, %d train / %d test samples.%n%n",
                java.util.Arrays.toString(exp.shape().modes()), exp.shape().layout(), exp.shape().activation().kind(),
                exp.epochs(), exp.batch(), exp.lr(), r.trainSize(), r.testSize()));
        md.append("| level | ideal simulation | in silico, deployed | FFM on chip | ideal / FFM, mean of last 10 epochs |" + (exp.withPat() ? " PAT on chip |" : "")
                + " FFM gradient deviation (training) | FFM gradient deviation (at in-silico design) | model gradient deviation (at in-silico design) | FFM frames |\n");
        md.append("|---|---|---|---|---|" + (exp.withPat() ? "---|" : "") + "---|---|---|---|\n");
        for (PhotonicIris.Row row : r.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% / %.1f %% |", row.level(),
                    100 * row.idealAccuracy(), 100 * row.deployedAccuracy(), 100 * row.ffmAccuracy(),
                    100 * tailMean(r.idealCurve()), 100 * tailMean(row.ffmCurve())));
            if (exp.withPat()) {
                md.append(String.format(Locale.ROOT, " %.1f %% |", 100 * row.patAccuracy()));
            }
            md.append(String.format(Locale.ROOT, " %.1f %% | %.1f %% | %.0f %% | %d |%n", 100 * row.ffmGradDeviation(),
                    100 * row.ffmDevAtDesign(), 100 * row.modelDevAtDesign(), row.ffmCost().frames()));
        }
        md.append("\nLevels (per element, independent, seeded): \n\n");
        md.append("| level | coupler η σ | loss dB/column | heater gain σ | residual phase σ (rad) | DAC bits | crosstalk | drift rad/step | detector noise rel/abs |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ChipImperfections p : exp.levels()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f ± %.2f | %.3f | %.3f | %d | %.2f | %.0e | %.0e / %.0e |%n", p.name(),
                    p.couplerSigma(), p.lossDb(), p.lossSigmaDb(), p.heaterGainSigma(), p.heaterOffsetSigma(), p.dacBits(),
                    p.crosstalk(), p.driftSigma(), p.detectorRelNoise(), p.detectorAbsNoise()));
        }
        md.append("\nGradient deviation = ‖g − g_true‖/‖g_true‖ on a fixed probe of training samples, g_true being the exact gradient of the\n"
                + "hidden chip with respect to the heater commands (known to the simulation only). 'training': mean over the FFM epochs;\n"
                + "'at in-silico design': at the settings trained in simulation and deployed (paper: 3.5 % FFM vs 5.1 % computer-designed).\n"
                + "At its own design the model's gradient is ≈ 0 (it believes it has converged) while the chip's is not: deviation ≈ 100 %.\n"
                + "Accuracies: final epoch on the 30 test samples (one sample = 3.3 points), and the mean over the last 10 epochs.\n");
        Png.write(md.toString(), out.resolve("table.md"));

        StringBuilder csv = new StringBuilder("run,epoch,train_loss,test_accuracy,ffm_grad_deviation,model_grad_deviation\n");
        appendCsv(csv, "ideal", r.idealCurve());
        for (PhotonicIris.Row row : r.rows()) {
            appendCsv(csv, "ffm-" + row.level(), row.ffmCurve());
        }
        Png.write(csv.toString(), out.resolve("curves.csv"));

        List<Png.Series> acc = new ArrayList<>(), loss = new ArrayList<>();
        acc.add(series("ideal simulation", r.idealCurve(), true));
        loss.add(series("ideal simulation", r.idealCurve(), false));
        for (PhotonicIris.Row row : r.rows()) {
            acc.add(series("FFM, " + row.level() + " chip", row.ffmCurve(), true));
            loss.add(series("FFM, " + row.level() + " chip", row.ffmCurve(), false));
        }
        Png.write(Png.lineChart("Iris test accuracy during training", "epoch", "test accuracy", acc, 0, 1), out.resolve("accuracy.png"));
        double maxLoss = 0;
        for (Png.Series s : loss) {
            for (double v : s.y()) {
                maxLoss = Math.max(maxLoss, v);
            }
        }
        plotLightFlow(exp, r, out.resolve("light-flow.png"));
        Png.write(Png.lineChart("Iris training loss", "epoch", "cross-entropy", loss, 0, maxLoss * 1.05), out.resolve("loss.png"));
    }

    /** |field|² after every column of the first core (in through the mesh, mirror, back out) for one test sample. */
    private static void plotLightFlow(PhotonicIris exp, PhotonicIris.Result r, Path file) throws Exception {
        org.phasor.photonics.PhotonicModel model = new org.phasor.photonics.PhotonicModel(exp.shape());
        org.phasor.photonics.OpticalPath path = model.path(0);
        double[] cis = new double[2 * path.heaters()];
        path.cis(r.idealSettings()[0], cis);
        int n = path.modes();
        double[][] snaps = new double[path.marks()][2 * n];
        double[] x = r.firstTestInput().clone();
        path.forward(cis, x, null, snaps);
        double[][] z = new double[n][path.marks()];
        for (int k = 0; k < path.marks(); k++) {
            for (int m = 0; m < n; m++) {
                z[m][k] = snaps[k][2 * m] * snaps[k][2 * m] + snaps[k][2 * m + 1] * snaps[k][2 * m + 1];
            }
        }
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(520, 440, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = Png.start(img);
        Png.heatMap(g, 0, "Light flowing through core 1 (power per waveguide)", "read-out column (in, mirror, back)",
                "waveguide", z, 0, path.marks(), 0, n, new double[0][], new java.awt.Color[0]);
        g.dispose();
        Png.write(img, file);
    }

    /** Mean test accuracy over the last 10 epochs (a 30-sample test set moves in steps of 3.3 points). */
    static double tailMean(List<ChipTraining.Epoch> curve) {
        return curve.subList(Math.max(0, curve.size() - 10), curve.size()).stream()
                .mapToDouble(ChipTraining.Epoch::testAccuracy).average().orElse(Double.NaN);
    }

    private static void appendCsv(StringBuilder csv, String run, List<ChipTraining.Epoch> curve) {
        for (ChipTraining.Epoch e : curve) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.6f%n", run, e.epoch(), e.trainLoss(), e.testAccuracy(),
                    e.ffmDeviation(), e.modelDeviation()));
        }
    }

    private static Png.Series series(String label, List<ChipTraining.Epoch> curve, boolean accuracy) {
        double[] x = new double[curve.size()], y = new double[curve.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = curve.get(i).epoch();
            y[i] = accuracy ? curve.get(i).testAccuracy() : curve.get(i).trainLoss();
        }
        return new Png.Series(label, x, y);
    }
}
