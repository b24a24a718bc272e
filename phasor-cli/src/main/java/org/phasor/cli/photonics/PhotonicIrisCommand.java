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
            "fully-forward (FFM) trained, measured calibration then in silico on the calibrated model / physics-aware (PAT),",
            "and particle swarm (PSO), for the chip imperfection levels low, lab and high, over several seeds (mean ± sd).",
            "Writes table.json, table.md, curves.csv, accuracy.png, loss.png and light-flow.png to --out."})
public final class PhotonicIrisCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "output directory (created)")
    Path out;

    @Option(names = "--quick", description = "12 epochs at lr 0.03, one seed, no calibration or PSO (about 10 s) instead of 100 epochs at 0.01")
    boolean quick;

    @Option(names = "--epochs", description = "override the number of epochs")
    Integer epochs;

    @Option(names = "--seed", description = "data split, initial settings and chip seeds (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--pat", description = "also train physics-aware with the nominal (uncalibrated) model, the baseline")
    boolean pat;

    @Option(names = "--seeds", description = "repeat with seeds seed, seed+1, … (data split, initial settings, chips); default 5, 1 with --quick")
    Integer seeds;

    @Option(names = "--calibration", negatable = true,
            description = "measured calibration, then in silico on the calibrated model and PAT with it (default on; off with --quick)")
    Boolean calibration;

    @Option(names = "--pso", description = "particle-swarm swarm size (0 = no PSO row); default 16, 0 with --quick")
    Integer pso;

    @Option(names = "--verbose", description = "print every epoch")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PhotonicIris base = quick ? PhotonicIris.quick() : PhotonicIris.full();
        int nSeeds = seeds != null ? seeds : (quick ? 1 : 5);
        if (nSeeds <= 0) {
            throw new IllegalArgumentException("--seeds must be positive, got " + nSeeds);
        }
        Files.createDirectories(out);
        var log = spec.commandLine().getOut();
        List<PhotonicIris> exps = new ArrayList<>();
        List<PhotonicIris.Result> results = new ArrayList<>();
        for (int k = 0; k < nSeeds; k++) {
            PhotonicIris exp = new PhotonicIris(base.shape(), base.levels(), epochs != null ? epochs : base.epochs(), base.batch(),
                    base.lr(), base.trainPerClass(), seed + k, base.detectionSteps(), base.probeSize(), pat,
                    calibration != null ? calibration : base.calibrate(), pso != null ? pso : base.psoParticles());
            if (exp.epochs() <= 0) {
                throw new IllegalArgumentException("--epochs must be positive, got " + exp.epochs());
            }
            final long sd = seed + k;
            exps.add(exp);
            results.add(exp.run(s -> {
                if (verbose || s.contains(": ideal") || s.contains(" calibration:") || s.contains(" PSO:")) {
                    log.println("seed " + sd + " " + s);
                    log.flush();
                }
            }));
        }
        write(exps, results);
        log.println("wrote " + out.resolve("table.md"));
        return 0;
    }

    /** mean ± sample standard deviation, in percent or plain. */
    private static String ms(List<Double> v, boolean percent) {
        double f = percent ? 100 : 1;
        double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = v.size() < 2 ? 0 : v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1);
        return v.size() < 2 ? String.format(Locale.ROOT, percent ? "%.1f %%" : "%.3g", f * m)
                : String.format(Locale.ROOT, percent ? "%.1f ± %.1f %%" : "%.3g ± %.2g", f * m, f * Math.sqrt(var));
    }

    private static double meanOf(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private List<Double> col(List<PhotonicIris.Result> rs, int level, java.util.function.Function<PhotonicIris.Row, Double> f) {
        List<Double> v = new ArrayList<>();
        for (PhotonicIris.Result r : rs) {
            Double x = f.apply(r.rows().get(level));
            if (x != null && !x.isNaN()) {
                v.add(x);
            }
        }
        return v;
    }

    private void write(List<PhotonicIris> exps, List<PhotonicIris.Result> rs) throws Exception {
        PhotonicIris exp = exps.getFirst();
        PhotonicIris.Result r = rs.getFirst();
        boolean cal = exp.calibrate(), withPso = exp.psoParticles() > 0;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", "photonic-iris");
        String command = "phasor reproduce photonic-iris --out " + out + (quick ? " --quick" : "")
                + (epochs != null ? " --epochs " + epochs : "") + (pat ? " --pat" : "") + " --seed " + seed
                + (seeds != null ? " --seeds " + seeds : "") + (calibration != null ? (calibration ? " --calibration" : " --no-calibration") : "") + (pso != null ? " --pso " + pso : "");
        json.put("command", command);
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
        cfg.put("seeds", exps.stream().map(PhotonicIris::seed).toList());
        cfg.put("calibration", cal ? org.phasor.photonics.bench.ChipCalibration.standard(0) : null);
        cfg.put("psoParticles", exp.psoParticles());
        json.put("config", cfg);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int k = 0; k < rs.size(); k++) {
            for (int i = 0; i < rs.get(k).rows().size(); i++) {
                PhotonicIris.Row row = rs.get(k).rows().get(i);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seed", exps.get(k).seed());
                m.put("level", row.level());
                m.put("imperfections", exp.levels().get(i));
                m.put("idealAccuracy", row.idealAccuracy());
                m.put("deployedAccuracy", row.deployedAccuracy());
                m.put("ffmAccuracy", row.ffmAccuracy());
                m.put("idealAccuracyLast10Mean", tailMean(rs.get(k).idealCurve()));
                m.put("ffmAccuracyLast10Mean", tailMean(row.ffmCurve()));
                m.put("patNominalAccuracy", row.patAccuracy());
                m.put("ffmGradientDeviation", row.ffmGradDeviation());
                m.put("ffmGradientDeviationAtDesign", row.ffmDevAtDesign());
                m.put("nominalPatGradientDeviationAtDesign", row.modelDevAtDesign());
                m.put("ffmBenchCost", row.ffmCost());
                if (row.calibrated() != null) {
                    PhotonicIris.Calibrated c = row.calibrated();
                    m.put("calibratedInSilicoDeployedAccuracy", c.inSilicoDeployed());
                    m.put("calibratedPatAccuracy", c.patAccuracy());
                    m.put("calibratedPatAccuracyLast10Mean", tailMean(c.patCurve()));
                    m.put("calibratedPatGradientDeviationAtDesign", c.patDevAtDesign());
                    m.put("calibrationHeldOutResidual", c.heldOutResidual());
                    m.put("nominalModelHeldOutResidual", c.nominalResidual());
                    m.put("calibrationBenchCost", c.cost());
                }
                if (row.pso() != null) {
                    m.put("psoAccuracy", row.pso().accuracy());
                    m.put("psoTrainLoss", row.pso().trainLoss());
                    m.put("psoIterations", row.pso().iterations());
                    m.put("psoBenchCost", row.pso().cost());
                }
                runs.add(m);
            }
        }
        json.put("runs", runs);
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Png.write(om.writeValueAsString(json), out.resolve("table.json"));

        StringBuilder md = new StringBuilder();
        md.append("# Photonic Iris (FFM on a chip of folded symmetric cores)\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append(String.format(Locale.ROOT, "Cores %s (%s), activation %s, %d epochs, batch %d, Adam lr %s, %d train / %d test samples, seeds %s.%n%n",
                java.util.Arrays.toString(exp.shape().modes()), exp.shape().layout(), exp.shape().activation().kind(),
                exp.epochs(), exp.batch(), exp.lr(), r.trainSize(), r.testSize(), exps.stream().map(PhotonicIris::seed).toList()));
        md.append("Test accuracy at the final epoch, mean ± standard deviation over the seeds (each seed: its own data split, initial settings and chips).\n\n");
        StringBuilder head = new StringBuilder("| level | ideal simulation | in silico, deployed |");
        if (cal) {
            head.append(" in silico on calibrated model, deployed |");
        }
        head.append(" FFM on chip |");
        if (cal) {
            head.append(" PAT (calibrated model) |");
        }
        if (exp.withPat()) {
            head.append(" PAT (nominal model) |");
        }
        if (withPso) {
            head.append(" PSO (same frames as FFM) |");
        }
        md.append(head).append("\n|").append("---|".repeat((int) head.chars().filter(ch -> ch == '|').count() - 1)).append("\n");
        for (int i = 0; i < exp.levels().size(); i++) {
            md.append("| ").append(exp.levels().get(i).name()).append(" | ").append(ms(col(rs, i, PhotonicIris.Row::idealAccuracy), true))
                    .append(" | ").append(ms(col(rs, i, PhotonicIris.Row::deployedAccuracy), true)).append(" |");
            if (cal) {
                md.append(" ").append(ms(col(rs, i, x -> x.calibrated().inSilicoDeployed()), true)).append(" |");
            }
            md.append(" ").append(ms(col(rs, i, PhotonicIris.Row::ffmAccuracy), true)).append(" |");
            if (cal) {
                md.append(" ").append(ms(col(rs, i, x -> x.calibrated().patAccuracy()), true)).append(" |");
            }
            if (exp.withPat()) {
                md.append(" ").append(ms(col(rs, i, PhotonicIris.Row::patAccuracy), true)).append(" |");
            }
            if (withPso) {
                md.append(" ").append(ms(col(rs, i, x -> x.pso().accuracy()), true)).append(" |");
            }
            md.append("\n");
        }
        md.append("\nPaired with the ideal run of the same seed (same data split and initial settings): method − ideal, points, mean ± sd:\n\n");
        md.append(head.toString().replace(" ideal simulation |", "")).append("\n|")
                .append("---|".repeat((int) head.chars().filter(ch -> ch == '|').count() - 2)).append("\n");
        for (int i = 0; i < exp.levels().size(); i++) {
            md.append("| ").append(exp.levels().get(i).name()).append(" |");
            List<java.util.function.Function<PhotonicIris.Row, Double>> cols = new ArrayList<>();
            cols.add(PhotonicIris.Row::deployedAccuracy);
            if (cal) {
                cols.add(x -> x.calibrated().inSilicoDeployed());
            }
            cols.add(PhotonicIris.Row::ffmAccuracy);
            if (cal) {
                cols.add(x -> x.calibrated().patAccuracy());
            }
            if (exp.withPat()) {
                cols.add(PhotonicIris.Row::patAccuracy);
            }
            if (withPso) {
                cols.add(x -> x.pso().accuracy());
            }
            for (var f : cols) {
                md.append(" ").append(ms(col(rs, i, x -> f.apply(x) - x.idealAccuracy()), true).replace(" %", "")).append(" |");
            }
            md.append("\n");
        }
        md.append("\nMean of the last 10 epochs' test accuracy (less sensitive to the 3.3-point steps of a 30-sample test set):\n\n");
        md.append("| level | ideal | FFM |").append(cal ? " PAT (calibrated) |" : "").append("\n|---|---|---|").append(cal ? "---|" : "").append("\n");
        for (int i = 0; i < exp.levels().size(); i++) {
            final int li = i;
            List<Double> id = new ArrayList<>();
            for (PhotonicIris.Result x : rs) {
                id.add(tailMean(x.idealCurve()));
            }
            md.append("| ").append(exp.levels().get(i).name()).append(" | ").append(ms(id, true)).append(" | ")
                    .append(ms(col(rs, li, x -> tailMean(x.ffmCurve())), true)).append(" |");
            if (cal) {
                md.append(" ").append(ms(col(rs, li, x -> tailMean(x.calibrated().patCurve())), true)).append(" |");
            }
            md.append("\n");
        }
        md.append("\nGradients, calibration and cost (means over the seeds):\n\n");
        md.append("| level | FFM gradient deviation (training) | FFM gradient deviation (at in-silico design) | nominal-PAT gradient deviation (at design) |")
                .append(cal ? " calibrated-PAT gradient deviation (at design) | transfer-matrix residual, nominal → calibrated (held out) | calibration frames |" : "")
                .append(" FFM frames |").append(withPso ? " PSO iterations × swarm | PSO frames |" : "").append("\n");
        md.append("|---|---|---|---|").append(cal ? "---|---|---|" : "").append("---|").append(withPso ? "---|---|" : "").append("\n");
        for (int i = 0; i < exp.levels().size(); i++) {
            md.append("| ").append(exp.levels().get(i).name()).append(" | ")
                    .append(ms(col(rs, i, PhotonicIris.Row::ffmGradDeviation), true)).append(" | ")
                    .append(ms(col(rs, i, PhotonicIris.Row::ffmDevAtDesign), true)).append(" | ")
                    .append(ms(col(rs, i, PhotonicIris.Row::modelDevAtDesign), true)).append(" |");
            if (cal) {
                md.append(" ").append(ms(col(rs, i, x -> x.calibrated().patDevAtDesign()), true)).append(" | ")
                        .append(String.format(Locale.ROOT, "%.3f → %.3f", meanOf(col(rs, i, x -> x.calibrated().nominalResidual())),
                                meanOf(col(rs, i, x -> x.calibrated().heldOutResidual())))).append(" | ")
                        .append(String.format(Locale.ROOT, "%.0f", meanOf(col(rs, i, x -> (double) x.calibrated().cost().frames())))).append(" |");
            }
            md.append(String.format(Locale.ROOT, " %.0f |", meanOf(col(rs, i, x -> (double) x.ffmCost().frames()))));
            if (withPso) {
                md.append(String.format(Locale.ROOT, " %.0f × %d | %.0f |", meanOf(col(rs, i, x -> (double) x.pso().iterations() + 1)),
                        exp.psoParticles(), meanOf(col(rs, i, x -> (double) x.pso().cost().frames()))));
            }
            md.append("\n");
        }
        md.append("\nPer seed (final epoch): ideal / deployed").append(cal ? " / calibrated in silico deployed" : "").append(" / FFM")
                .append(cal ? " / calibrated PAT" : "").append(exp.withPat() ? " / nominal PAT" : "").append(withPso ? " / PSO" : "").append("\n\n");
        for (int k = 0; k < rs.size(); k++) {
            for (PhotonicIris.Row row : rs.get(k).rows()) {
                md.append(String.format(Locale.ROOT, "- seed %d, %s: %.1f / %.1f", exps.get(k).seed(), row.level(), 100 * row.idealAccuracy(),
                        100 * row.deployedAccuracy()));
                if (cal) {
                    md.append(String.format(Locale.ROOT, " / %.1f", 100 * row.calibrated().inSilicoDeployed()));
                }
                md.append(String.format(Locale.ROOT, " / %.1f", 100 * row.ffmAccuracy()));
                if (cal) {
                    md.append(String.format(Locale.ROOT, " / %.1f", 100 * row.calibrated().patAccuracy()));
                }
                if (exp.withPat()) {
                    md.append(String.format(Locale.ROOT, " / %.1f", 100 * row.patAccuracy()));
                }
                if (withPso) {
                    md.append(String.format(Locale.ROOT, " / %.1f", 100 * row.pso().accuracy()));
                }
                md.append(" %\n");
            }
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
                + "'at in-silico design': at the settings trained in simulation on the nominal model (paper: 3.5 % FFM vs 5.1 % computer-designed).\n"
                + "PAT gradients: measured data pass, model error pass (nominal or calibrated), converted to heater commands by the\n"
                + "model's heater response. Residual = ‖M_model − M_measured‖/‖M_measured‖ on held-out random settings, mean over cores.\n");
        Png.write(md.toString(), out.resolve("table.md"));

        StringBuilder csv = new StringBuilder("seed,run,epoch,train_loss,test_accuracy,ffm_grad_deviation,model_grad_deviation\n");
        for (int k = 0; k < rs.size(); k++) {
            long sd = exps.get(k).seed();
            appendCsv(csv, sd, "ideal", rs.get(k).idealCurve());
            for (PhotonicIris.Row row : rs.get(k).rows()) {
                appendCsv(csv, sd, "ffm-" + row.level(), row.ffmCurve());
                if (row.calibrated() != null) {
                    appendCsv(csv, sd, "pat-calibrated-" + row.level(), row.calibrated().patCurve());
                }
            }
        }
        Png.write(csv.toString(), out.resolve("curves.csv"));

        List<Png.Series> acc = new ArrayList<>(), loss = new ArrayList<>();
        acc.add(series("ideal simulation", r.idealCurve(), true));
        loss.add(series("ideal simulation", r.idealCurve(), false));
        for (PhotonicIris.Row row : r.rows()) {
            acc.add(series("FFM, " + row.level() + " chip", row.ffmCurve(), true));
            loss.add(series("FFM, " + row.level() + " chip", row.ffmCurve(), false));
        }
        Png.write(Png.lineChart("Iris test accuracy during training (seed " + exp.seed() + ")", "epoch", "test accuracy", acc, 0, 1), out.resolve("accuracy.png"));
        double maxLoss = 0;
        for (Png.Series s : loss) {
            for (double v : s.y()) {
                maxLoss = Math.max(maxLoss, v);
            }
        }
        plotLightFlow(exp, r, out.resolve("light-flow.png"));
        Png.write(Png.lineChart("Iris training loss (seed " + exp.seed() + ")", "epoch", "cross-entropy", loss, 0, maxLoss * 1.05), out.resolve("loss.png"));
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

    private static void appendCsv(StringBuilder csv, long seed, String run, List<ChipTraining.Epoch> curve) {
        for (ChipTraining.Epoch e : curve) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.6f,%.6f,%.6f,%.6f%n", seed, run, e.epoch(), e.trainLoss(), e.testAccuracy(),
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
