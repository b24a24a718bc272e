package org.phasor.train.optim;

import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with (optionally Nesterov) momentum, PyTorch's convention:
 * <pre>
 * b ← μ·b + g
 * p ← p − lr·b            (classical)
 * p ← p − lr·(g + μ·b)    (Nesterov)
 * </pre>
 * With {@code μ = 0} it is plain gradient descent. State: {@code velocity.k} per tensor.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double[][] velocity;

    public Sgd(int[] sizes, LearningRateSchedule schedule, double momentum, boolean nesterov,
               List<ParameterConstraint> constraints) {
        super(sizes, schedule, constraints);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD momentum must lie in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.velocity = zerosPerTensor();
    }

    /** Classical momentum, no constraints. */
    public Sgd(int[] sizes, LearningRateSchedule schedule, double momentum) {
        this(sizes, schedule, momentum, false, List.of());
    }

    @Override
    public String kind() {
        return "sgd";
    }

    @Override
    protected void update(int k, double[] p, double[] g, double lr, long t) {
        double[] b = velocity[k];
        for (int i = 0; i < p.length; i++) {
            double bi = momentum * b[i] + g[i];
            b[i] = bi;
            p[i] -= lr * (nesterov ? g[i] + momentum * bi : bi);
        }
    }

    @Override
    protected Map<String, double[]> stateArrays() {
        Map<String, double[]> s = orderedMap();
        putAll(s, "velocity", velocity);
        return s;
    }
}
