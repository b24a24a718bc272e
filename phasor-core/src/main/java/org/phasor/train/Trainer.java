package org.phasor.train;

import org.phasor.data.Dataset;
import org.phasor.model.Params;
import org.phasor.train.optim.Optimizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The training loop shared by every {@link GradientMethod}: epochs of shuffled mini-batches, one optimiser update
 * per batch, test evaluation after each epoch, metrics, checkpoints and progress callbacks.
 *
 * <p>Determinism and resume: the sample order of epoch e is {@link #epochOrder}(seed, e), the gradient methods
 * reduce over batch items in a fixed order, and a checkpoint ({@link TrainingState}) holds the parameters, the
 * optimiser state, the position (epoch, batch) and the running sums of the epoch. Continuing from any checkpoint
 * therefore ends with bit-identical parameters and metrics (timings aside) to an uninterrupted run.
 */
public final class Trainer {

    /**
     * @param epochs          epochs to train
     * @param batchSize       samples per optimiser update (the last batch of an epoch may be smaller)
     * @param seed            seed of the sample order
     * @param checkpointEvery write a checkpoint every this many batches (and at every epoch end); 0 = epoch ends only
     * @param evalBatchSize   samples per evaluation batch
     */
    public record Settings(int epochs, int batchSize, long seed, int checkpointEvery, int evalBatchSize) {
        public Settings {
            if (epochs <= 0) {
                throw new IllegalArgumentException("epochs must be positive, got " + epochs);
            }
            if (batchSize <= 0 || evalBatchSize <= 0) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize + "/" + evalBatchSize);
            }
            if (checkpointEvery < 0) {
                throw new IllegalArgumentException("checkpoint interval must be ≥ 0, got " + checkpointEvery);
            }
        }
    }

    /** Callbacks for progress display; called on the training thread. */
    public interface Listener {
        /** After each training batch: running mean loss and accuracy of the epoch so far. */
        default void batchDone(int epoch, int batch, int batches, double meanLoss, double accuracy) {
        }

        /** Before the test evaluation of an epoch. */
        default void evaluating(int epoch) {
        }

        default void epochDone(EpochMetrics m) {
        }
    }

    /** Final parameters, per-epoch metrics and the test result of the final model. */
    public record Result(Params params, List<EpochMetrics> history, double testAccuracy, double testLoss) {
    }

    private final GradientMethod method;
    private final Optimizer optimizer;
    private final Settings settings;
    private final Path checkpoint;
    private final Listener listener;

    /**
     * @param checkpoint file to write checkpoints to, or null for none
     */
    public Trainer(GradientMethod method, Optimizer optimizer, Settings settings, Path checkpoint, Listener listener) {
        this.method = Objects.requireNonNull(method, "method");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.checkpoint = checkpoint;
        this.listener = listener == null ? new Listener() {
        } : listener;
    }

    /** The sample order of epoch {@code epoch} (0-based): a pure function of the seed and the epoch. */
    public static int[] epochOrder(int n, long seed, int epoch) {
        return Dataset.permutation(n, mix(seed, epoch));
    }

    private static long mix(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A fresh state at the start of training. */
    public TrainingState initialState(Params init) {
        return new TrainingState(settings.seed(), 0, 0, 0, 0, 0, 0, Cost.ZERO, init.copy(), optimizer.state(), List.of());
    }

    /**
     * Trains from {@code state} (a fresh {@link #initialState} or a checkpoint) to the last epoch.
     *
     * @param test evaluated after every epoch; may be null (then test metrics are NaN)
     */
    public Result train(Dataset train, Dataset test, TrainingState state) {
        if (state.seed() != settings.seed()) {
            throw new IllegalArgumentException("checkpoint was made with seed " + state.seed() + ", run has seed " + settings.seed());
        }
        Params params = state.params().copy();
        optimizer.restore(state.optimizer());
        List<EpochMetrics> history = new ArrayList<>(state.history());
        int bs = settings.batchSize();
        int n = train.size();
        int batches = (n + bs - 1) / bs;
        int startBatch = state.batch();
        double lossSum = state.lossSum();
        long correct = state.correct();
        long seen = state.seen();
        double priorSeconds = state.seconds();
        Cost cost = state.cost();
        BatchBuffer buffer = new BatchBuffer(train, bs);
        for (int epoch = state.epoch(); epoch < settings.epochs(); epoch++) {
            long t0 = System.nanoTime();
            int[] order = epochOrder(n, settings.seed(), epoch);
            for (int b = startBatch; b < batches; b++) {
                Batch batch = buffer.fill(order, b * bs, Math.min(bs, n - b * bs));
                StepResult r = method.step(params, batch);
                if (r.gradients() != null) {
                    optimizer.step(params.layers(), r.gradients());
                }
                lossSum += r.loss() * r.count();
                correct += r.correct();
                seen += r.count();
                cost = cost.plus(r.cost());
                listener.batchDone(epoch + 1, b + 1, batches, lossSum / seen, (double) correct / seen);
                boolean last = b + 1 == batches;
                if (!last && settings.checkpointEvery() > 0 && (b + 1) % settings.checkpointEvery() == 0) {
                    save(new TrainingState(settings.seed(), epoch, b + 1, lossSum, correct, seen,
                            priorSeconds + seconds(t0), cost, params, optimizer.state(), history));
                }
            }
            listener.evaluating(epoch + 1);
            double[] testResult = test == null ? new double[]{Double.NaN, Double.NaN} : evaluate(params, test);
            EpochMetrics m = new EpochMetrics(epoch + 1, seen == 0 ? Double.NaN : lossSum / seen,
                    seen == 0 ? Double.NaN : (double) correct / seen, testResult[1], testResult[0],
                    priorSeconds + seconds(t0), cost);
            history.add(m);
            startBatch = 0;
            lossSum = 0;
            correct = 0;
            seen = 0;
            priorSeconds = 0;
            cost = Cost.ZERO;
            save(new TrainingState(settings.seed(), epoch + 1, 0, 0, 0, 0, 0, Cost.ZERO, params, optimizer.state(), history));
            listener.epochDone(m);
        }
        double acc = history.isEmpty() ? Double.NaN : history.getLast().testAccuracy();
        double loss = history.isEmpty() ? Double.NaN : history.getLast().testLoss();
        if (history.isEmpty() && test != null) {
            double[] r = evaluate(params, test);
            acc = r[0];
            loss = r[1];
        }
        return new Result(params, history, acc, loss);
    }

    /** {accuracy, mean loss} of {@code params} on {@code data}, in fixed-size batches in dataset order. */
    public double[] evaluate(Params params, Dataset data) {
        return evaluate(method, params, data, settings.evalBatchSize());
    }

    /** {accuracy, mean loss} of {@code params} on {@code data} with any evaluator (a training method or a deployment). */
    public static double[] evaluate(Evaluator method, Params params, Dataset data, int batchSize) {
        int n = data.size();
        int[] order = new int[n];
        java.util.Arrays.setAll(order, i -> i);
        BatchBuffer buffer = new BatchBuffer(data, batchSize);
        long correct = 0;
        double lossSum = 0;
        for (int s = 0; s < n; s += batchSize) {
            EvalResult r = method.evaluate(params, buffer.fill(order, s, Math.min(batchSize, n - s)));
            correct += r.correct();
            lossSum += r.loss() * r.count();
        }
        return new double[]{(double) correct / n, lossSum / n};
    }

    private void save(TrainingState s) {
        if (checkpoint == null) {
            return;
        }
        try {
            Checkpoints.write(s, checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** Reusable batch arrays (one for full batches, one for the short last batch), filled by sample order. */
    static final class BatchBuffer {
        private final Dataset data;
        private final int size;
        private Batch full;
        private Batch tail;

        BatchBuffer(Dataset data, int size) {
            this.data = data;
            this.size = size;
        }

        Batch fill(int[] order, int from, int count) {
            int s = data.sampleSize();
            Batch b;
            if (count == size) {
                if (full == null) {
                    full = new Batch(new float[size * s], new int[size], data.rows(), data.cols());
                }
                b = full;
            } else {
                if (tail == null || tail.size() != count) {
                    tail = new Batch(new float[count * s], new int[count], data.rows(), data.cols());
                }
                b = tail;
            }
            for (int k = 0; k < count; k++) {
                int i = order[from + k];
                System.arraycopy(data.features(), i * s, b.features(), k * s, s);
                b.labels()[k] = data.labels()[i];
            }
            return b;
        }
    }
}
