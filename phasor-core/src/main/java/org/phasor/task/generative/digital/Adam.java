package org.phasor.task.generative.digital;

/**
 * Adam (Kingma &amp; Ba 2015) over one flat parameter vector, for the small digital networks of this package.
 * Kept local because the digital baselines must not depend on the optical training stack; the moment buffers
 * are owned here and reused every step.
 */
public final class Adam {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private long t;

    public Adam(int size, double lr) {
        this(size, lr, 0.9, 0.999, 1e-8);
    }

    public Adam(int size, double lr, double beta1, double beta2, double eps) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("Adam learning rate must be positive, got " + lr);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One descent step: params ← params − lr·m̂/(√v̂ + ε). */
    public void step(double[] params, double[] grads) {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < params.length; i++) {
            double g = grads[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }
}
