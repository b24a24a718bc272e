package org.phasor.cli.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.phasor.train.EpochMetrics;
import org.phasor.train.Trainer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar for training on stderr: one bar over all batches of all epochs, showing the epoch, the running
 * loss and accuracy and the ETA of the whole run (me.tongfei:progressbar). It draws only when stderr belongs to
 * a terminal ({@link Mode#AUTO}), so logs, pipes, CI and tests stay clean; {@code PHASOR_PROGRESS=0} or
 * {@code =1} in the environment overrides the detection.
 *
 * <pre>{@code
 * try (TrainingProgress p = TrainingProgress.start(epochs, batchesPerEpoch, alreadyDone, TrainingProgress.Mode.AUTO)) {
 *     new Trainer(method, optimizer, settings, checkpoint, p).train(...);   // p is the Trainer's listener
 * }
 * }</pre>
 */
public final class TrainingProgress implements Trainer.Listener, AutoCloseable {

    /** When to draw. */
    public enum Mode {
        /** Draw when stderr is a terminal (and PHASOR_PROGRESS does not say otherwise). */
        AUTO,
        /** Always draw. */
        ON,
        /** Never draw. */
        OFF
    }

    private final ProgressBar bar; // null when quiet
    private final int epochs;
    private final int batchesPerEpoch;

    private TrainingProgress(ProgressBar bar, int epochs, int batchesPerEpoch) {
        this.bar = bar;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /**
     * Starts a bar on {@code System.err}.
     *
     * @param epochs          total epochs of the run
     * @param batchesPerEpoch batches in one epoch
     * @param batchesDone     batches already done before this process (a resumed run), 0 otherwise
     */
    public static TrainingProgress start(int epochs, int batchesPerEpoch, long batchesDone, Mode mode) {
        return start(epochs, batchesPerEpoch, batchesDone, mode, System.err);
    }

    /** As {@link #start(int, int, long, Mode)}, drawing on {@code out}. */
    public static TrainingProgress start(int epochs, int batchesPerEpoch, long batchesDone, Mode mode, PrintStream out) {
        if (!enabled(mode, System.getenv("PHASOR_PROGRESS"), isTerminal())) {
            return new TrainingProgress(null, epochs, batchesPerEpoch);
        }
        long total = (long) epochs * batchesPerEpoch;
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                // fixed width: asking the terminal (JLine) for it is slow and pointless inside a pipe
                .setConsumer(new ConsoleProgressBarConsumer(out, width()))
                .startsFrom(Math.min(batchesDone, total), Duration.ZERO)
                .build();
        return new TrainingProgress(bar, epochs, batchesPerEpoch);
    }

    /** Whether to draw, from the mode, the PHASOR_PROGRESS variable and whether stderr is a terminal. */
    static boolean enabled(Mode mode, String env, boolean terminal) {
        return switch (mode) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> env != null && !env.isBlank() ? !env.strip().equals("0") : terminal;
        };
    }

    private static boolean isTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    private static int width() {
        try {
            String cols = System.getenv("COLUMNS");
            return cols == null ? 100 : Math.max(40, Integer.parseInt(cols.strip()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Whether a bar is drawn. */
    public boolean visible() {
        return bar != null;
    }

    /**
     * Records a finished batch.
     *
     * @param epoch    1-based epoch
     * @param batch    1-based batch within the epoch
     * @param batches  batches in this epoch
     * @param loss     running mean loss of the epoch
     * @param accuracy running training accuracy of the epoch, in [0, 1]
     */
    @Override
    public void batchDone(int epoch, int batch, int batches, double loss, double accuracy) {
        if (bar == null) {
            return;
        }
        bar.stepTo((long) (epoch - 1) * batchesPerEpoch + Math.min(batch, batchesPerEpoch));
        bar.setExtraMessage(message(epoch, epochs, loss, accuracy));
    }

    @Override
    public void evaluating(int epoch) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " epoch %d/%d evaluating the test set", epoch, epochs));
        }
    }

    @Override
    public void epochDone(EpochMetrics m) {
        if (bar != null) {
            bar.stepTo((long) m.epoch() * batchesPerEpoch);
            bar.setExtraMessage(message(m.epoch(), epochs, m.trainLoss(), m.trainAccuracy())
                    + (Double.isNaN(m.testAccuracy()) ? "" : String.format(Locale.ROOT, " test %.1f%%", 100 * m.testAccuracy())));
        }
    }

    /** The text next to the bar, e.g. {@code epoch 3/10 loss 0.4123 acc 85.2%}. */
    static String message(int epoch, int epochs, double loss, double accuracy) {
        return String.format(Locale.ROOT, " epoch %d/%d loss %.4f acc %.1f%%", epoch, epochs, loss, 100 * accuracy);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
