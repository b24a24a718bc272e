package org.phasor.cli.run;

import org.phasor.cli.FftOption;
import org.phasor.data.DataSplit;
import org.phasor.train.GradientMethod;
import org.phasor.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code phasor eval RUN_DIR}: re-evaluates the saved model of a run on its test set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Re-evaluate the last checkpoint of a training run on the run's test set (ideal simulation).")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory written by phasor train.")
    Path dir;

    @Option(names = "--figures", description = "Also (re)write the run's PNG figures.")
    boolean figures;

    @Mixin
    FftOption fft;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        SavedRun s = SavedRun.load(dir, fft.backend(new java.io.PrintStream(System.err, true)), err);
        DataSplit data = s.builder().data(Path.of(""), msg -> err.println("phasor: " + msg));
        try (GradientMethod m = s.builder().method(s.network())) {
            double[] r = Trainer.evaluate(m, s.params(), data.test(), s.config().training.batch_size);
            out.printf(Locale.ROOT, "test accuracy %.2f %% (%d test samples), mean loss %.4f, epochs trained %d%n",
                    100 * r[0], data.test().size(), r[1], s.state().history().size());
            if (figures) {
                Figures.write(s.run(), s.config(), s.network(), m, s.params(),
                        s.state().history(), data, err);
            }
        }
        out.flush();
        return 0;
    }
}
