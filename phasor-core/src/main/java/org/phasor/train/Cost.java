package org.phasor.train;

/**
 * What a step cost in terms a lab cares about. For a simulation these count simulated passes; for a bench they
 * count what the hardware did. Summable.
 *
 * @param dataPasses  forward (data) passes through the system, one per sample per pass
 * @param errorPasses reverse (error) passes, one per sample per pass
 * @param frames      camera frames captured (intensity frames and holography steps); 0 for pure simulation
 */
public record Cost(long dataPasses, long errorPasses, long frames) {
    public static final Cost ZERO = new Cost(0, 0, 0);

    public Cost plus(Cost o) {
        return new Cost(dataPasses + o.dataPasses, errorPasses + o.errorPasses, frames + o.frames);
    }
}
