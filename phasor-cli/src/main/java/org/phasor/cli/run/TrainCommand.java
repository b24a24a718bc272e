package org.phasor.cli.run;

import org.phasor.cli.FftOption;
import org.phasor.cli.progress.TrainingProgress;
import org.phasor.data.DataSplit;
import org.phasor.math.fft.FftBackend;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.Params;
import org.phasor.optics.propagation.Propagator;
import org.phasor.train.Checkpoints;
import org.phasor.train.EpochMetrics;
import org.phasor.train.GradientMethod;
import org.phasor.train.Trainer;
import org.phasor.train.TrainingState;
import org.phasor.train.optim.Optimizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phasor train CONFIG.yaml [--out DIR] [--resume DIR]}: trains a diffractive network from a config file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a diffractive network (in-silico) from a YAML config and write a run directory:",
                "config.yaml (resolved), checkpoint.bin, metrics.json and figures/*.png.",
                "Kill it at any moment and continue with --resume DIR: same seed, same final model."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG.yaml",
            description = "Training config (see configs/). Optional with --resume (the run's config.yaml is used).")
    Path configFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/NAME, NAME from the config).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its last checkpoint.")
    Path resume;

    @Option(names = "--no-figures", description = "Skip the PNG figures.")
    boolean noFigures;

    @Mixin
    FftOption fft;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        RunDirectory run;
        RunConfig cfg;
        TrainingState state = null;
        if (resume != null) {
            run = new RunDirectory(resume);
            cfg = run.readConfig();
            if (configFile != null && !ConfigFiles.toYaml(ConfigFiles.read(configFile)).equals(ConfigFiles.toYaml(cfg))) {
                throw new IllegalArgumentException(configFile + " differs from the config of the run in " + resume
                        + " (" + run.config() + "); resume without CONFIG or start a new run");
            }
            if (Files.exists(run.checkpoint())) {
                state = Checkpoints.read(run.checkpoint());
            }
        } else {
            if (configFile == null) {
                throw new IllegalArgumentException("give a CONFIG.yaml to train, or --resume DIR to continue a run");
            }
            cfg = ConfigFiles.read(configFile);
            run = new RunDirectory(out != null ? out : Path.of("runs", cfg.name));
            if (Files.exists(run.checkpoint()) || Files.exists(run.metrics())) {
                throw new IllegalArgumentException("run directory " + run.dir() + " already holds a run; use --resume "
                        + run.dir() + " or another --out");
            }
            Files.createDirectories(run.dir());
            run.writeText(run.config(), ConfigFiles.toYaml(cfg));
        }
        RunBuilder rb = new RunBuilder(cfg);
        FftBackend backend = fft.backend(new java.io.PrintStream(System.err, true));
        Propagator prop = rb.propagator(backend, msg -> err.println("phasor: warning: " + msg));
        DiffractiveNetwork net = rb.network(prop);
        DataSplit data = rb.data(Path.of(""), msg -> err.println("phasor: " + msg));
        Params init = rb.initialParams(net);
        int batches = (data.train().size() + cfg.training.batch_size - 1) / cfg.training.batch_size;
        Optimizer opt = rb.optimizer(init, batches);
        Map<String, Object> facts = facts(cfg, data, backend, net);
        err.printf(Locale.ROOT, "phasor: training %s: %d layers on %s, %d train / %d test samples, %d batches of %d, fft %s%n",
                cfg.name, cfg.network.layers, net.grid().describe(), data.train().size(), data.test().size(), batches,
                cfg.training.batch_size, backend.name());
        err.flush();
        long done = state == null ? 0 : (long) state.epoch() * batches + state.batch();
        ProgressLine progress = new ProgressLine(err, cfg.training.epochs);
        try (GradientMethod method = rb.method(net);
             TrainingProgress bar = TrainingProgress.start(cfg.training.epochs, batches, done, TrainingProgress.Mode.AUTO)) {
            Trainer trainer = new Trainer(method, opt,
                    new Trainer.Settings(cfg.training.epochs, cfg.training.batch_size, cfg.seed,
                            cfg.training.checkpoint_every, cfg.training.batch_size),
                    run.checkpoint(), new Trainer.Listener() {
                        @Override
                        public void batchDone(int epoch, int batch, int total, double meanLoss, double accuracy) {
                            if (bar.visible()) {
                                bar.batchDone(epoch, batch, total, meanLoss, accuracy);
                            } else {
                                progress.batch(epoch, batch, total, meanLoss, accuracy);
                            }
                        }

                        @Override
                        public void evaluating(int epoch) {
                            if (!bar.visible()) {
                                progress.evaluating(epoch);
                            }
                        }

                        @Override
                        public void epochDone(EpochMetrics m) {
                            progress.epoch(m);
                            try {
                                run.writeMetrics(facts, historySoFar(m), Double.NaN, Double.NaN);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }

                        private final java.util.ArrayList<EpochMetrics> seen = new java.util.ArrayList<>();

                        private List<EpochMetrics> historySoFar(EpochMetrics m) {
                            seen.add(m);
                            return seen;
                        }
                    });
            if (state == null) {
                state = trainer.initialState(init);
            } else {
                err.printf(Locale.ROOT, "phasor: resuming %s at epoch %d, batch %d%n", run.dir(), state.epoch() + 1, state.batch());
            }
            Trainer.Result result = trainer.train(data.train(), data.test(), state);
            run.writeMetrics(facts, result.history(), result.testAccuracy(), result.testLoss());
            if (!noFigures) {
                Figures.write(run, cfg, net, method, result.params(), result.history(), data, err);
            }
            outw.printf(Locale.ROOT, "test accuracy %.2f %% (%d test samples); run directory %s%n",
                    100 * result.testAccuracy(), data.test().size(), run.dir());
            outw.flush();
        }
        return 0;
    }

    static Map<String, Object> facts(RunConfig cfg, DataSplit data, FftBackend backend, DiffractiveNetwork net) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", cfg.name);
        f.put("method", cfg.training.method);
        f.put("seed", cfg.seed);
        f.put("data", data.source());
        f.put("train_samples", data.train().size());
        f.put("test_samples", data.test().size());
        f.put("grid", net.grid().describe());
        f.put("layers", net.layerCount());
        f.put("parameters", net.identityParams().count());
        f.put("fft", backend.name());
        f.put("precision", cfg.precision);
        f.put("java", System.getProperty("java.version"));
        f.put("cores", Runtime.getRuntime().availableProcessors());
        return f;
    }
}
