package org.phasor.photonics.train;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Particle-swarm optimisation (Kennedy & Eberhart 1995, inertia form): the gradient-free baseline of the
 * FFM paper. Only objective values are used — on a bench, each is a measurement. Positions are clamped to
 * the box.
 *
 * @param particles swarm size
 * @param inertia   velocity memory w
 * @param cognitive pull to the particle's best c₁
 * @param social    pull to the swarm's best c₂
 */
public record ParticleSwarm(int particles, double inertia, double cognitive, double social) {

    public static ParticleSwarm standard(int particles) {
        return new ParticleSwarm(particles, 0.7, 1.5, 1.5);
    }

    /** Progress after each iteration: iteration (1-based), best position, best value. */
    public record Step(int iteration, double[] best, double bestValue) {
    }

    /** Minimises {@code f} in the box [lo, hi] for {@code iterations} swarm updates; returns the best position. */
    public double[] minimise(ToDoubleFunction<double[]> f, double[] lo, double[] hi, int iterations, long seed,
                             Consumer<Step> progress) {
        int d = lo.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[particles][d], v = new double[particles][d], pb = new double[particles][];
        double[] pbv = new double[particles];
        double[] gb = null;
        double gbv = Double.POSITIVE_INFINITY;
        for (int p = 0; p < particles; p++) {
            for (int k = 0; k < d; k++) {
                x[p][k] = lo[k] + (hi[k] - lo[k]) * rng.nextDouble();
                v[p][k] = 0.1 * (hi[k] - lo[k]) * (2 * rng.nextDouble() - 1);
            }
            pb[p] = x[p].clone();
            pbv[p] = f.applyAsDouble(x[p]);
            if (pbv[p] < gbv) {
                gbv = pbv[p];
                gb = x[p].clone();
            }
        }
        for (int it = 1; it <= iterations; it++) {
            for (int p = 0; p < particles; p++) {
                for (int k = 0; k < d; k++) {
                    v[p][k] = inertia * v[p][k] + cognitive * rng.nextDouble() * (pb[p][k] - x[p][k])
                            + social * rng.nextDouble() * (gb[k] - x[p][k]);
                    x[p][k] = Math.clamp(x[p][k] + v[p][k], lo[k], hi[k]);
                }
                double val = f.applyAsDouble(x[p]);
                if (val < pbv[p]) {
                    pbv[p] = val;
                    pb[p] = x[p].clone();
                    if (val < gbv) {
                        gbv = val;
                        gb = x[p].clone();
                    }
                }
            }
            if (progress != null) {
                progress.accept(new Step(it, gb.clone(), gbv));
            }
        }
        return gb;
    }
}
