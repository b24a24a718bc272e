package org.phasor.bench;

import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;
import org.phasor.train.optim.ParameterConstraint;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code pso} method: particle-swarm optimisation using bench forward passes only — the paper's
 * gradient-free baseline. Each step evaluates every particle's phases on the batch (one pass and one frame per
 * sample per particle), updates personal and global bests, and moves the swarm with the standard inertia
 * update v ← w·v + c₁r₁(p − x) + c₂r₂(g − x). There is no gradient: {@link #step} writes the swarm's best
 * position into {@code params} in place and returns {@code null} gradients, so the Trainer's optimiser leaves
 * them alone.
 *
 * <p>With per-layer constraints (e.g. each SLM's measured phase range, as {@code --keep-in-range} gives the
 * gradient methods) every particle's position is projected after it is placed or moved, so the swarm, its bests
 * and the result stay where the modulators can go; a particle's velocity is left as it is.
 */
public final class ParticleSwarmMethod implements GradientMethod {
    private final BenchTask task;
    private final int particles;
    private final double inertia;
    private final double cognitive;
    private final double social;
    private final double spread;
    private final SplittableRandom rnd;
    private final List<ParameterConstraint> constraints;
    private double[][][] x;
    private double[][][] v;
    private double[][][] best;
    private double[] bestLoss;
    private double[][] global;
    private double globalLoss = Double.POSITIVE_INFINITY;

    /**
     * @param spread initial spread (radians) of the particles around the starting phases
     */
    public ParticleSwarmMethod(BenchTask task, int particles, double inertia, double cognitive,
                               double social, double spread, long seed) {
        this(task, particles, inertia, cognitive, social, spread, seed, List.of());
    }

    /**
     * @param spread      initial spread (radians) of the particles around the starting phases
     * @param constraints one projection per layer applied to every particle's position, or none
     */
    public ParticleSwarmMethod(BenchTask task, int particles, double inertia, double cognitive,
                               double social, double spread, long seed, List<ParameterConstraint> constraints) {
        if (particles < 2) {
            throw new IllegalArgumentException("pso needs at least 2 particles, got " + particles);
        }
        this.task = task;
        this.particles = particles;
        this.inertia = inertia;
        this.cognitive = cognitive;
        this.social = social;
        this.spread = spread;
        this.rnd = new SplittableRandom(seed);
        this.constraints = List.copyOf(constraints);
    }

    /** Projects every layer of {@code position} with its constraint, if any were given. */
    private void project(double[][] position) {
        if (constraints.isEmpty()) {
            return;
        }
        if (constraints.size() != position.length) {
            throw new IllegalArgumentException("pso has " + constraints.size() + " constraints for "
                    + position.length + " layers");
        }
        for (int l = 0; l < position.length; l++) {
            constraints.get(l).apply(position[l]);
        }
    }

    @Override
    public String name() {
        return "pso";
    }

    private void init(Params start) {
        int layers = start.layerCount();
        x = new double[particles][layers][];
        v = new double[particles][layers][];
        best = new double[particles][layers][];
        bestLoss = new double[particles];
        for (int p = 0; p < particles; p++) {
            for (int l = 0; l < layers; l++) {
                double[] s = start.layer(l);
                x[p][l] = s.clone();
                v[p][l] = new double[s.length];
                if (p > 0) { // particle 0 starts exactly at the given phases
                    for (int i = 0; i < s.length; i++) {
                        x[p][l][i] += spread * (rnd.nextDouble() - 0.5);
                    }
                }
            }
            project(x[p]);
            for (int l = 0; l < layers; l++) {
                best[p][l] = x[p][l].clone();
            }
            bestLoss[p] = Double.POSITIVE_INFINITY;
        }
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        if (x == null) {
            init(params);
        }
        long passes = 0;
        long frames = 0;
        double meanLoss = 0;
        int correct = 0;
        for (int p = 0; p < particles; p++) {
            EvalResult r = task.evaluate(new Params(x[p]), batch);
            passes += r.cost().dataPasses();
            frames += r.cost().frames();
            meanLoss += r.loss() / particles;
            if (r.loss() < bestLoss[p]) {
                bestLoss[p] = r.loss();
                copy(x[p], best[p]);
            }
            if (r.loss() < globalLoss) {
                globalLoss = r.loss();
                global = deepCopy(x[p]);
                correct = r.correct();
            }
        }
        for (int p = 0; p < particles; p++) {
            for (int l = 0; l < x[p].length; l++) {
                double[] xp = x[p][l];
                double[] vp = v[p][l];
                double[] bp = best[p][l];
                double[] g = global[l];
                for (int i = 0; i < xp.length; i++) {
                    vp[i] = inertia * vp[i] + cognitive * rnd.nextDouble() * (bp[i] - xp[i])
                            + social * rnd.nextDouble() * (g[i] - xp[i]);
                    xp[i] += vp[i];
                }
            }
            project(x[p]);
        }
        copy(global, params.layers());
        return new StepResult(meanLoss, null, correct, batch.size(), new Cost(passes, 0, frames));
    }

    private static void copy(double[][] src, double[][] dst) {
        for (int l = 0; l < src.length; l++) {
            System.arraycopy(src[l], 0, dst[l], 0, src[l].length);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int l = 0; l < a.length; l++) {
            c[l] = a[l].clone();
        }
        return c;
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        return task.evaluate(params, batch);
    }
}
