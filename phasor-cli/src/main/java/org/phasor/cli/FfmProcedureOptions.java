package org.phasor.cli;

import org.phasor.sim.experiment.FfmProcedure;
import picocli.CommandLine.Option;

import java.util.function.UnaryOperator;

/**
 * The lab-procedure options shared by every command that trains by FFM on a simulated bench: how often the whole
 * calibration is re-measured, how many phase steps a holographic measurement takes and how often the reference
 * arm's phase is tracked. Add them with {@code @Mixin FfmProcedureOptions procedure;} and apply them to the
 * command's preset with {@link #applyTo}; a value the procedure refuses is a one-line user error.
 */
public final class FfmProcedureOptions {
    @Option(names = "--recalibrate-every", paramLabel = "STEPS",
            description = "FFM re-measures the whole bench calibration every STEPS steps (0 = only before training; default: the preset's).")
    Integer recalibrateEvery;

    @Option(names = "--holography-steps", paramLabel = "3|4",
            description = "Phase steps per holographic measurement (default 3, as in the authors' code; 4 costs a third more frames and halves the noise variance of the measured field).")
    Integer holographySteps;

    @Option(names = "--track-reference", paramLabel = "step|measurement", defaultValue = "step",
            description = "How often FFM re-measures the reference arm's phase: once per training step (default) or before every holographic measurement (3-4 more frames each).")
    String trackReference = "step";

    @Option(names = "--max-exposure", paramLabel = "X",
            description = {"1 (default): every holographic measurement at the camera's nominal exposure with the full",
                    "reference arm. Above 1: each measurement sets the exposure (up to X times the nominal one, at X",
                    "times the camera time) and a reference attenuator from the field's last peak, keeping the",
                    "brightest fringe at half the camera's full scale; a clipped measurement is retaken shorter."})
    Double maxExposure;

    /** The preset with every option given on the command line in place of its own value. */
    public FfmProcedure applyTo(FfmProcedure preset) {
        FfmProcedure p = preset;
        // The procedure record checks the ranges; the option name is added so the user knows which flag it was.
        if (recalibrateEvery != null) {
            p = naming("--recalibrate-every", p, q -> q.withRecalibration(recalibrateEvery, q.registerEvery()));
        }
        if (holographySteps != null) {
            p = naming("--holography-steps", p, q -> q.withHolographySteps(holographySteps));
        }
        if (maxExposure != null) {
            p = naming("--max-exposure", p, q -> q.withMaxExposure(maxExposure));
        }
        if (trackEachMeasurement()) {
            p = p.withReferenceTracking(true);
        }
        return p;
    }

    /**
     * {@code change} applied to {@code value} (a procedure, a config); its refusal, if any, prefixed with the
     * option's name.
     */
    public static <T> T naming(String option, T value, UnaryOperator<T> change) {
        try {
            return change.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private boolean trackEachMeasurement() {
        return switch (trackReference) {
            case "step" -> false;
            case "measurement" -> true;
            default -> throw new IllegalArgumentException("--track-reference must be step or measurement, got '"
                    + trackReference + "'");
        };
    }
}
