package org.phasor.photonics.bench;

/**
 * A photonic chip as a lab sees it: a stack of programmable symmetric cores (the same core re-used in time
 * counts as several), heaters set in device units, light launched at the input ports or injected at the
 * output ports, and detectors — a power detector on every port and on every monitor tap (one after each
 * phase shifter), each with a coherent receiver that can mix in a reference split from the same laser at a
 * chosen phase. It never exposes fabrication errors, heater responses or drift.
 *
 * <p>Calls are coarse and take and return plain arrays (a batch of launches per call), so a remote chip can
 * implement this over a wire. Complex field measurement is a procedure above it ({@link CoherentDetection}).
 */
public interface ChipBench {
    int cores();

    int modes(int core);

    int heaters(int core);

    /** Monitor taps of a core (one per phase-shifter passage). */
    int taps(int core);

    /** Sets the heater commands of a core (radians of nominal phase; the driver wraps and quantises). */
    void program(int core, double[] settings);

    /**
     * Launches each input field (interleaved, unit power or less) at the input ports, or at the output ports
     * when {@code fromOutput}, and reads the powers at the far ports and at the taps, with the reference of
     * amplitude {@code refAmp} and phase {@code refPhase} added on every receiver (refAmp = 0: plain power).
     */
    Frames capture(int core, double[][] inputs, boolean fromOutput, double refAmp, double refPhase);

    /** What the bench has been asked to do so far. */
    BenchCost cost();

    /**
     * Powers read in one capture.
     *
     * @param ports [batch][modes]
     * @param taps  [batch][taps]
     */
    record Frames(double[][] ports, double[][] taps) {
    }

    /**
     * Cost counters.
     *
     * @param programs heater programmings
     * @param launches input vectors launched (each lights the chip once)
     * @param frames   detector read-outs (one per launch per reference step)
     */
    record BenchCost(long programs, long launches, long frames) {
        public BenchCost minus(BenchCost o) {
            return new BenchCost(programs - o.programs, launches - o.launches, frames - o.frames);
        }
    }
}
