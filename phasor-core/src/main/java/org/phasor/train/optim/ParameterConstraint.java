package org.phasor.train.optim;

/**
 * A projection applied to a parameter tensor after each update (in place).
 * Use {@link #PHASE_WRAP} for phases (periodic, so wrapping loses nothing), {@link Clamp} for bounded
 * physical quantities (amplitude transmission in [0, 1]); for a smooth bound reparametrise with
 * {@link SigmoidBound} instead.
 */
public sealed interface ParameterConstraint {

    /** Projects {@code p} in place. */
    void apply(double[] p);

    /** No constraint. */
    ParameterConstraint NONE = new None();

    /** Wraps phases into {@code [0, 2π)}. */
    ParameterConstraint PHASE_WRAP = new PhaseWrap();

    /** Leaves parameters unchanged. */
    record None() implements ParameterConstraint {
        @Override
        public void apply(double[] p) {
            // nothing to do
        }
    }

    /** Wraps each value into {@code [0, 2π)}. */
    record PhaseWrap() implements ParameterConstraint {
        private static final double TWO_PI = 2 * Math.PI;

        @Override
        public void apply(double[] p) {
            for (int i = 0; i < p.length; i++) {
                p[i] = wrap(p[i]);
            }
        }

        /** {@code x mod 2π} in {@code [0, 2π)}. */
        public static double wrap(double x) {
            if (x >= 0 && x < TWO_PI) {
                return x;
            }
            double w = x - TWO_PI * Math.floor(x / TWO_PI);
            return w >= TWO_PI ? 0 : w; // floor rounding can land exactly on 2π
        }
    }

    /** Clamps each value into {@code [lo, hi]}. */
    record Clamp(double lo, double hi) implements ParameterConstraint {
        public Clamp {
            if (!(lo <= hi)) {
                throw new IllegalArgumentException("clamp bounds must satisfy lo ≤ hi, got [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public void apply(double[] p) {
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.min(hi, Math.max(lo, p[i]));
            }
        }
    }
}
