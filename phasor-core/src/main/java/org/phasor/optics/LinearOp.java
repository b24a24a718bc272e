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

    /**
     * {@link #apply} on the calling thread only, for callers that split a batch over the cores themselves and fuse
     * their own element-wise work around each item while it is in that core's cache (see
     * {@code org.phasor.model.NetworkWorkspace}). Must give the same result as {@link #apply} and be safe to call
     * from several threads at once on different arrays. The default calls {@link #apply}, whose own parallelism
     * then nests inside the caller's; operators on the hot path override it.
     */
    default void applySerial(ComplexArray a) {
        apply(a);
    }

    /** {@link #applyTranspose} on the calling thread only; the contract of {@link #applySerial}. */
    default void applyTransposeSerial(ComplexArray a) {
        applyTranspose(a);
    }

    /** Convenience: applies M in place to the field's data after checking its grid. */
    default Field apply(Field f) {
        grid().requireSameSampling(f.grid(), getClass().getSimpleName());
        apply(f.data());
        return f;
    }
}
