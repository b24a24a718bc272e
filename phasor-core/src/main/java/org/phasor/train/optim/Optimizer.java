package org.phasor.train.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first-order optimiser over a fixed list of parameter tensors ({@code double[]} each), minimising: every
 * update moves against the gradient. Subclasses keep their per-tensor state in arrays allocated once at
 * construction; {@link #step} allocates nothing. Not thread-safe: one trainer owns one optimiser.
 */
public abstract class Optimizer {
    private final int[] sizes;
    private final LearningRateSchedule schedule;
    private final List<ParameterConstraint> constraints;
    private long step;

    /**
     * @param sizes       length of each parameter tensor
     * @param schedule    learning rate per step
     * @param constraints one per tensor, applied after each update (empty list = none)
     */
    protected Optimizer(int[] sizes, LearningRateSchedule schedule, List<ParameterConstraint> constraints) {
        this.sizes = sizes.clone();
        this.schedule = java.util.Objects.requireNonNull(schedule, "learning-rate schedule");
        if (!constraints.isEmpty() && constraints.size() != sizes.length) {
            throw new IllegalArgumentException(sizes.length + " parameter tensors but " + constraints.size() + " constraints");
        }
        List<ParameterConstraint> c = new ArrayList<>(constraints);
        while (c.size() < sizes.length) {
            c.add(ParameterConstraint.NONE);
        }
        this.constraints = List.copyOf(c);
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("parameter tensor sizes must be positive, got " + s);
            }
        }
    }

    /** Short name stored in {@link OptimizerState#kind()}. */
    public abstract String kind();

    /** Updates tensor {@code k} in place with learning rate {@code lr}; {@code t} = 1-based update count. */
    protected abstract void update(int k, double[] param, double[] grad, double lr, long t);

    /** Named state arrays (live references; {@link #state()} copies them). */
    protected abstract Map<String, double[]> stateArrays();

    /**
     * One update of every tensor: {@code params[k]} moves against {@code grads[k]}, then its constraint is applied.
     * Gradients are read only.
     */
    public final void step(double[][] params, double[][] grads) {
        if (params.length != sizes.length || grads.length != sizes.length) {
            throw new IllegalArgumentException("optimiser has " + sizes.length + " tensors, got " + params.length
                    + " parameter and " + grads.length + " gradient arrays");
        }
        double lr = schedule.rate(step);
        for (int k = 0; k < sizes.length; k++) {
            if (params[k].length != sizes[k] || grads[k].length != sizes[k]) {
                throw new IllegalArgumentException("tensor " + k + ": expected " + sizes[k] + " values, got parameters "
                        + params[k].length + ", gradient " + grads[k].length);
            }
            update(k, params[k], grads[k], lr, step + 1);
            constraints.get(k).apply(params[k]);
        }
        step++;
    }

    /** Number of updates done. */
    public final long steps() {
        return step;
    }

    /** Learning rate the next update will use. */
    public final double currentRate() {
        return schedule.rate(step);
    }

    public final LearningRateSchedule schedule() {
        return schedule;
    }

    /** Sizes of the parameter tensors. */
    public final int[] sizes() {
        return sizes.clone();
    }

    /** A deep copy of the state (for checkpoints). */
    public final OptimizerState state() {
        return new OptimizerState(kind(), step, stateArrays());
    }

    /** Restores a state saved by an optimiser of the same kind and tensor sizes; one-line error otherwise. */
    public final void restore(OptimizerState s) {
        if (!s.kind().equals(kind())) {
            throw new IllegalArgumentException("optimiser state is for '" + s.kind() + "', this optimiser is '" + kind() + "'");
        }
        Map<String, double[]> mine = stateArrays();
        if (!mine.keySet().equals(s.arrays().keySet())) {
            throw new IllegalArgumentException("optimiser state has arrays " + s.arrays().keySet() + ", expected " + mine.keySet());
        }
        for (var e : mine.entrySet()) {
            double[] src = s.arrays().get(e.getKey());
            if (src.length != e.getValue().length) {
                throw new IllegalArgumentException("optimiser state array " + e.getKey() + " has " + src.length
                        + " values, expected " + e.getValue().length);
            }
        }
        if (s.step() < 0) {
            throw new IllegalArgumentException("optimiser state step must be ≥ 0, got " + s.step());
        }
        for (var e : mine.entrySet()) {
            System.arraycopy(s.arrays().get(e.getKey()), 0, e.getValue(), 0, e.getValue().length);
        }
        step = s.step();
    }

    /** Helper for subclasses: an ordered map of arrays named {@code prefix.k}. */
    protected static void putAll(Map<String, double[]> into, String prefix, double[][] arrays) {
        for (int k = 0; k < arrays.length; k++) {
            into.put(prefix + "." + k, arrays[k]);
        }
    }

    /** Helper for subclasses: a zeroed array per tensor. */
    protected final double[][] zerosPerTensor() {
        double[][] a = new double[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            a[k] = new double[sizes[k]];
        }
        return a;
    }

    /** A new ordered map for {@link #stateArrays()}. */
    protected static Map<String, double[]> orderedMap() {
        return new LinkedHashMap<>();
    }
}
