package org.phasor.bench;

import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.EvalResult;

/**
 * A task run on a bench by the bench methods ({@link FullyForwardMethod}, {@link ParticleSwarmMethod}): how
 * parameters become device settings, how a batch becomes input light, and the loss of what the camera sees.
 * {@link BenchClassifier} is one (detector regions, classification loss); focusing through a scatterer and
 * imaging a hidden object are others (org.phasor.task). A task sees the bench only through {@link Bench}.
 */
public interface BenchTask {
    /** Programs the modulators for {@code params}. */
    void program(Params params);

    /** The batch's samples as fields on the bench's input plane. */
    ComplexFrames encode(Batch batch);

    /** The loss of the output intensities for this batch and its ∂L/∂I (for FFM). */
    IntensityObjective objective(Batch batch);

    /** Correct predictions among the output frames (0 for tasks without classes). */
    int correct(double[] intensity, Batch batch);

    /**
     * ∂L/∂params from the measured gradient per modulator pixel ({@code modulatorGradient[m − 1]}); the identity
     * when every parameter is one modulator pixel, a sum over each segment when pixels are grouped.
     */
    default double[][] parameterGradient(double[][] modulatorGradient) {
        return modulatorGradient;
    }

    /** Inference as deployed: program, launch, capture, loss. */
    EvalResult evaluate(Params params, Batch batch);
}
