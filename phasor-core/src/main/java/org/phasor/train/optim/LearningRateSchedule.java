package org.phasor.train.optim;

/**
 * Learning rate as a pure function of the optimiser step (0 for the first update), so a resumed run uses
 * exactly the rates an uninterrupted one would. Trainers that think in epochs pass
 * {@code epochs × batchesPerEpoch} as the total.
 */
public sealed interface LearningRateSchedule {

    /** The learning rate used by update number {@code step} (0-based). */
    double rate(long step);

    /** One line for logs, e.g. {@code cosine(0.05 → 0.0005 over 3000 steps)}. */
    String describe();

    static LearningRateSchedule constant(double lr) {
        return new Constant(lr);
    }

    /** {@code lr · gamma^floor(step / everySteps)}. */
    static LearningRateSchedule step(double lr, long everySteps, double gamma) {
        return new StepDecay(lr, everySteps, gamma);
    }

    /** Cosine annealing from {@code lr} to {@code minLr} over {@code totalSteps}, then {@code minLr}. */
    static LearningRateSchedule cosine(double lr, long totalSteps, double minLr) {
        return new Cosine(lr, totalSteps, minLr);
    }

    /** Linear warm-up over {@code warmupSteps} to {@code after.rate(0)}, then {@code after} (shifted by the warm-up). */
    static LearningRateSchedule warmup(long warmupSteps, LearningRateSchedule after) {
        return new Warmup(warmupSteps, after);
    }

    private static void requireRate(String what, double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException(what + " must be a finite number ≥ 0, got " + lr);
        }
    }

    private static void requireSteps(String what, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be a positive number of steps, got " + n);
        }
    }

    /** A constant rate. */
    record Constant(double lr) implements LearningRateSchedule {
        public Constant {
            requireRate("learning rate", lr);
        }

        @Override
        public double rate(long step) {
            return lr;
        }

        @Override
        public String describe() {
            return "constant(" + lr + ")";
        }
    }

    /** Multiplies the rate by {@code gamma} every {@code everySteps} updates. */
    record StepDecay(double lr, long everySteps, double gamma) implements LearningRateSchedule {
        public StepDecay {
            requireRate("learning rate", lr);
            requireSteps("step-decay interval", everySteps);
            if (!(gamma > 0) || !Double.isFinite(gamma)) {
                throw new IllegalArgumentException("step-decay factor gamma must be positive, got " + gamma);
            }
        }

        @Override
        public double rate(long step) {
            return lr * Math.pow(gamma, (double) (step / everySteps));
        }

        @Override
        public String describe() {
            return "step(" + lr + " × " + gamma + " every " + everySteps + " steps)";
        }
    }

    /** {@code minLr + (lr − minLr)·(1 + cos(π·step/totalSteps))/2}, held at {@code minLr} after the end. */
    record Cosine(double lr, long totalSteps, double minLr) implements LearningRateSchedule {
        public Cosine {
            requireRate("learning rate", lr);
            requireRate("minimum learning rate", minLr);
            requireSteps("cosine schedule length", totalSteps);
        }

        @Override
        public double rate(long step) {
            if (step >= totalSteps) {
                return minLr;
            }
            return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * step / totalSteps));
        }

        @Override
        public String describe() {
            return "cosine(" + lr + " → " + minLr + " over " + totalSteps + " steps)";
        }
    }

    /** Rate {@code after.rate(0)·(step+1)/warmupSteps} during the warm-up, then {@code after.rate(step − warmupSteps)}. */
    record Warmup(long warmupSteps, LearningRateSchedule after) implements LearningRateSchedule {
        public Warmup {
            requireSteps("warm-up length", warmupSteps);
            java.util.Objects.requireNonNull(after, "schedule after warm-up");
        }

        @Override
        public double rate(long step) {
            if (step < warmupSteps) {
                return after.rate(0) * (step + 1) / warmupSteps;
            }
            return after.rate(step - warmupSteps);
        }

        @Override
        public String describe() {
            return "warmup(" + warmupSteps + " steps, then " + after.describe() + ")";
        }
    }
}
