package org.phasor.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --track-reference step|measurement} option, shared by every command that trains by FFM on a simulated
 * bench: how often the holography re-measures the reference arm's phase. Add it with
 * {@code @Mixin TrackReferenceOption trackReference;}; any other value is a one-line user error.
 */
public final class TrackReferenceOption {
    @Option(names = "--track-reference", paramLabel = "step|measurement", defaultValue = "step",
            description = "How often FFM re-measures the reference arm's phase: once per training step (default) or before every holographic measurement (3-4 more frames each).")
    String choice = "step";

    /** Whether every holographic measurement is preceded by a reference-phase measurement. */
    public boolean eachMeasurement() {
        return switch (choice) {
            case "step" -> false;
            case "measurement" -> true;
            default -> throw new IllegalArgumentException("--track-reference must be step or measurement, got '"
                    + choice + "'");
        };
    }
}
