package org.phasor.cli.run;

import org.phasor.train.EpochMetrics;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for logs (stderr is not a terminal, where {@link org.phasor.cli.progress.TrainingProgress} draws its bar):
 * a line every 10 % of an epoch with the batch bar, running loss and accuracy and the epoch's ETA, and one summary
 * line per epoch (printed in both cases).
 */
final class ProgressLine {
    private final PrintWriter err;
    private final int epochs;
    private final boolean tty = false; // terminals get TrainingProgress's bar
    private long epochStart = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;
    private int firstBatch = -1;

    ProgressLine(PrintWriter err, int epochs) {
        this.err = err;
        this.epochs = epochs;
    }

    void batch(int epoch, int batch, int total, double loss, double acc) {
        long now = System.nanoTime();
        if (firstBatch < 0) {
            firstBatch = batch - 1;
            epochStart = now;
        }
        int decile = 10 * batch / total;
        if (tty ? now - lastDraw < 250_000_000L && batch < total : decile == lastDecile) {
            return;
        }
        lastDraw = now;
        lastDecile = decile;
        double perBatch = (now - epochStart) * 1e-9 / Math.max(1, batch - firstBatch);
        long eta = Math.round(perBatch * (total - batch));
        int width = 24;
        int filled = (int) ((long) width * batch / total);
        String bar = "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "");
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d loss %.4f acc %.1f %% ETA %dm%02ds",
                epoch, epochs, bar, batch, total, loss, 100 * acc, eta / 60, eta % 60);
        if (tty) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
    }

    void evaluating(int epoch) {
        if (tty) {
            err.print("\r" + String.format(Locale.ROOT, "epoch %d/%d evaluating on the test set ...", epoch, epochs) + " ".repeat(40));
            err.flush();
        }
    }

    void epoch(EpochMetrics m) {
        if (tty) {
            err.print("\r");
        }
        err.println(String.format(Locale.ROOT,
                "epoch %d/%d: train loss %.4f, train acc %.2f %%, test acc %.2f %%, %.1f s",
                m.epoch(), epochs, m.trainLoss(), 100 * m.trainAccuracy(), 100 * m.testAccuracy(), m.seconds()));
        err.flush();
        firstBatch = -1;
        lastDecile = -1;
    }
}
