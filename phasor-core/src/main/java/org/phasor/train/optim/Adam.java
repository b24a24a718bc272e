package org.phasor.train.optim;

import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction, as in PyTorch's {@code torch.optim.Adam} without weight decay:
 * <pre>
 * m ← β1·m + (1−β1)·g,   v ← β2·v + (1−β2)·g²
 * p ← p − lr · (m/(1−β1^t)) / (sqrt(v/(1−β2^t)) + ε)
 * </pre>
 * The first update therefore moves every parameter with a non-negligible gradient by about {@code lr}, whatever
 * the gradient's scale — which is why Adam suits phases (lr ≈ 0.01–0.1 rad) and FFM's arbitrarily scaled
 * measured gradients. State: {@code m.k}, {@code v.k} per tensor.
 */
public final class Adam extends Optimizer {

    /**
     * Adam's constants.
     *
     * @param beta1   decay of the first moment, in [0, 1)
     * @param beta2   decay of the second moment, in [0, 1)
     * @param epsilon added to the root of the second moment (&gt; 0)
     */
    public record Config(double beta1, double beta2, double epsilon) {
        public Config {
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("Adam epsilon must be positive, got " + epsilon);
            }
        }
    }

    /** β1 = 0.9, β2 = 0.999, ε = 1e-8 (the paper's and PyTorch's defaults; also the FFM authors'). */
    public static final Config DEFAULTS = new Config(0.9, 0.999, 1e-8);

    private final Config config;
    private final double[][] m;
    private final double[][] v;

    public Adam(int[] sizes, LearningRateSchedule schedule, Config config, List<ParameterConstraint> constraints) {
        super(sizes, schedule, constraints);
        this.config = config;
        this.m = zerosPerTensor();
        this.v = zerosPerTensor();
    }

    /** Adam with default constants and no constraints. */
    public Adam(int[] sizes, LearningRateSchedule schedule) {
        this(sizes, schedule, DEFAULTS, List.of());
    }

    @Override
    public String kind() {
        return "adam";
    }

    public Config config() {
        return config;
    }

    @Override
    protected void update(int k, double[] p, double[] g, double lr, long t) {
        double b1 = config.beta1();
        double b2 = config.beta2();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        double stepSize = lr / c1;
        double invSqrtC2 = 1 / Math.sqrt(c2);
        double eps = config.epsilon();
        double[] mk = m[k];
        double[] vk = v[k];
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double mi = b1 * mk[i] + (1 - b1) * gi;
            double vi = b2 * vk[i] + (1 - b2) * gi * gi;
            mk[i] = mi;
            vk[i] = vi;
            p[i] -= stepSize * mi / (Math.sqrt(vi) * invSqrtC2 + eps);
        }
    }

    @Override
    protected Map<String, double[]> stateArrays() {
        Map<String, double[]> s = orderedMap();
        putAll(s, "m", m);
        putAll(s, "v", v);
        return s;
    }
}
