package org.phasor.train;

import org.phasor.model.Params;

/**
 * Forward-only inference of one batch at given parameters: what deploying a design needs, and no more. Every
 * {@link GradientMethod} is one; a design that is only deployed (e.g. an in-silico design loaded onto a bench) is
 * evaluated through this interface alone, so nothing can ask it for a gradient it has no way to measure.
 */
@FunctionalInterface
public interface Evaluator {

    /** Forward-only evaluation of one batch at {@code params}. */
    EvalResult evaluate(Params params, Batch batch);
}
