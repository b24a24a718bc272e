package org.phasor.optics.latent;

import org.phasor.math.ComplexArray;

/**
 * A linear map A between two differently shaped complex spaces, e.g. a field plane and K guided channels
 * (unlike {@link org.phasor.optics.LinearOp}, which acts in place on one grid). Inputs and outputs are
 * batch-major {@link ComplexArray}s with the same batch; a channel vector of length K is stored as shape
 * {@code [batch][1][K]}.
 *
 * <p>Inner products are plain sums over array elements (no area weight), so {@link #applyAdjoint} is the
 * exact vector–Jacobian product of Wirtinger calculus: for a real loss L, ∂L/∂in* = Aᴴ·∂L/∂out*.
 * {@link #applyTranspose} is the same hardware run backwards (reciprocity): ⟨A a, b⟩ = ⟨a, Aᵀ b⟩ without
 * conjugation.
 */
public interface LinearMap {

    /** Shape of one input item, {ny, nx}. */
    int[] inShape();

    /** Shape of one output item, {ny, nx}. */
    int[] outShape();

    /** out ← A·in (out is overwritten). */
    void apply(ComplexArray in, ComplexArray out);

    /** in ← Aᴴ·out (in is overwritten). */
    void applyAdjoint(ComplexArray out, ComplexArray in);

    /** in ← Aᵀ·out (in is overwritten). */
    void applyTranspose(ComplexArray out, ComplexArray in);
}
