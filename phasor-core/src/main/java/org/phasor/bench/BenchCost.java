package org.phasor.bench;

/**
 * What a bench has spent: optical passes (one launch of one input), camera frames, and simulated (or real)
 * camera time in seconds. Values are cumulative; {@link #minus} gives the cost of a stretch of work.
 */
public record BenchCost(long passes, long frames, double seconds) {
    public static final BenchCost ZERO = new BenchCost(0, 0, 0);

    public BenchCost plus(BenchCost o) {
        return new BenchCost(passes + o.passes, frames + o.frames, seconds + o.seconds);
    }

    public BenchCost minus(BenchCost o) {
        return new BenchCost(passes - o.passes, frames - o.frames, seconds - o.seconds);
    }

    /** This cost divided by {@code n} steps (rounded to the nearest pass/frame), for "per step" reports. */
    public double passesPer(long n) {
        return n == 0 ? 0 : (double) passes / n;
    }

    public double framesPer(long n) {
        return n == 0 ? 0 : (double) frames / n;
    }
}
