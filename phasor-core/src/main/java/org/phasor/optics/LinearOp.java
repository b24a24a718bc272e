package org.phasor.optics;

import org.phasor.math.ComplexArray;

/**
 * A linear optical operator M acting in place on a batch of fields sampled on {@link #grid()}: masks, lenses,
 * apertures, scatterers, free-space propagation between planes of equal sampling.
 *
 * <p>Every operator knows three directions:
 * <ul>
 *   <li>{@link #apply}: M, the physical forward pass;</li>
 *   <li>{@link #applyAdjoint}: Mᴴ, used by exact (in-silico) gradients;</li>
 *   <li>{@link #applyTranspose}: Mᵀ, the same hardware run backwards (reciprocity). For reciprocal optics
 *       Mᵀ is what a physical reverse pass does, which is why fully forward training works.</li>
 * </ul>
 * Tests check ⟨Ma, b⟩ = ⟨a, Mᴴb⟩ and ⟨Ma, b⟩_bilinear = ⟨a, Mᵀb⟩_bilinear for every implementation.
 */
public interface LinearOp {
    /** The sampling this operator acts on (input and output). */
    Grid grid();

    void apply(ComplexArray a);

    void applyAdjoint(ComplexArray a);

    void applyTranspose(ComplexArray a);

    /** Convenience: applies M in place to the field's data after checking its grid. */
    default Field apply(Field f) {
        grid().requireSameSampling(f.grid(), getClass().getSimpleName());
        apply(f.data());
        return f;
    }
}
