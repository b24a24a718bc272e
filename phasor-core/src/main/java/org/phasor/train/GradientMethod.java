package org.phasor.train;

import org.phasor.model.Params;

/**
 * How a training step obtains the loss gradient: the central extension point of Phasor. The {@link Trainer}
 * owns the loop (epochs, batches, optimiser, checkpoints, metrics) and asks a GradientMethod only two things:
 * <ul>
 *   <li>{@link #step}: for the given parameters, run the batch and return the batch-mean loss, ∂loss/∂params,
 *       the number of correct predictions and what it cost;</li>
 *   <li>{@link #evaluate}: run the batch forward only (inference as deployed) and return predictions.</li>
 * </ul>
 * Everything crosses this interface as plain data ({@link Params} arrays, {@link Batch}, results of records of
 * arrays), so a method may run the physics anywhere — in this JVM (in-silico), on a simulated bench, or on a lab
 * over a wire — and the Trainer cannot tell. Implementations:
 * <ul>
 *   <li>{@code in-silico} ({@link InSilicoMethod}): model forward + exact model adjoint (reference gradients);</li>
 *   <li>{@code ffm} (fully forward mode), {@code pat} (physics-aware: bench forward, model backward), {@code pso}
 *       (gradient-free): in org.phasor.bench.</li>
 * </ul>
 * Contract: deterministic for the same inputs and internal seed (gradients reduced over the batch in a fixed
 * order); not thread-safe (one caller); {@link #close} releases buffers or connections.
 */
public interface GradientMethod extends Evaluator, AutoCloseable {

    /** The name used in configs and metrics ({@code in-silico}, {@code ffm}, …). */
    String name();

    /** Loss, gradient, correct count and cost of one batch at {@code params}. */
    StepResult step(Params params, Batch batch);

    @Override
    default void close() {
    }
}
