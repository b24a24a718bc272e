package org.phasor.train.optim;

/**
 * A smooth bounded reparametrisation: the physical value is {@code v = lo + (hi − lo)·σ(θ)} with
 * {@code σ(θ) = 1/(1 + e^{−θ})}, and the optimiser works on the unbounded {@code θ}. Chain the gradient with
 * {@code ∂L/∂θ = ∂L/∂v · derivative(θ)}. Unlike clamping, the gradient never vanishes abruptly at a bound.
 *
 * @param lo lower bound of the value
 * @param hi upper bound of the value (&gt; lo)
 */
public record SigmoidBound(double lo, double hi) {
    public SigmoidBound {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("sigmoid bounds must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
    }

    /** The bounded value {@code v(θ)}. */
    public double value(double theta) {
        return lo + (hi - lo) * sigmoid(theta);
    }

    /** {@code dv/dθ = (hi − lo)·σ(θ)·(1 − σ(θ))}. */
    public double derivative(double theta) {
        double s = sigmoid(theta);
        return (hi - lo) * s * (1 - s);
    }

    /** The {@code θ} giving value {@code v} (strictly inside the bounds). */
    public double inverse(double v) {
        if (!(v > lo && v < hi)) {
            throw new IllegalArgumentException("value " + v + " is not strictly inside (" + lo + ", " + hi + ")");
        }
        double s = (v - lo) / (hi - lo);
        return Math.log(s / (1 - s));
    }

    /** Writes {@code v[i] = value(theta[i])}. */
    public void values(double[] theta, double[] v) {
        for (int i = 0; i < theta.length; i++) {
            v[i] = value(theta[i]);
        }
    }

    /** In place: {@code grad[i] *= derivative(theta[i])} (turns ∂L/∂v into ∂L/∂θ). */
    public void chain(double[] theta, double[] grad) {
        for (int i = 0; i < theta.length; i++) {
            grad[i] *= derivative(theta[i]);
        }
    }

    private static double sigmoid(double t) {
        // split by sign so exp never overflows
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }
}
