package org.phasor.optics.latent;

import org.phasor.math.ComplexArray;

/**
 * Launches K channel amplitudes from the far end of a fibre bundle back into free space:
 * E = √η·Pᵀ·C, the field Σ_k (C·a)_k·m_k(x) of the (orthonormalised) channel modes of its {@link FibreFace},
 * after the bundle's {@link Crosstalk} C and an efficiency η ≤ 1. The far face may have a different layout
 * from the near face (that is the all-optical dimension conversion: channel k at one end is channel k at the
 * other). Linear and passive: Σ|u|² = η·Σ|C·a|² ≤ Σ|a|². Input shape [1][K], output the face's [ny][nx].
 *
 * <p>Reciprocity: Eᵀ = √η·Cᵀ·P, the {@link FibreCoupler} on the same face with crosstalk Cᵀ.
 */
public final class FibreEmitter implements LinearMap {
    private final FibreFace face;
    private final double amplitude;
    private final Crosstalk crosstalk;

    public FibreEmitter(FibreFace face, double efficiency, Crosstalk crosstalk) {
        this.face = face;
        this.amplitude = FibreCoupler.checkedAmplitude(efficiency);
        if (crosstalk.channels() != face.channels()) {
            throw new IllegalArgumentException("crosstalk is for " + crosstalk.channels() + " channels but the fibre face has "
                    + face.channels());
        }
        this.crosstalk = crosstalk;
    }

    /** Lossless emitter without crosstalk. */
    public FibreEmitter(FibreFace face) {
        this(face, 1, Crosstalk.none(face.channels()));
    }

    public FibreFace face() {
        return face;
    }

    public int channels() {
        return face.channels();
    }

    public double efficiency() {
        return amplitude * amplitude;
    }

    public Crosstalk crosstalk() {
        return crosstalk;
    }

    /**
     * The bundle run backwards from this face (reciprocity): Eᵀ = √η·Cᵀ·P, a coupler on the same face with
     * crosstalk Cᵀ: light arriving at the far face couples back into the fibres.
     */
    public FibreCoupler reversed() {
        return new FibreCoupler(face, efficiency(), crosstalk.transpose());
    }

    @Override
    public int[] inShape() {
        return new int[]{1, face.channels()};
    }

    @Override
    public int[] outShape() {
        return new int[]{face.grid().ny(), face.grid().nx()};
    }

    @Override
    public void apply(ComplexArray channels, ComplexArray field) {
        FibreMaps.checkShapes(field, channels, face);
        FibreMaps.channelsToField(face, channels, field, amplitude, crosstalk, false, false);
    }

    @Override
    public void applyAdjoint(ComplexArray field, ComplexArray channels) {
        FibreMaps.checkShapes(field, channels, face);
        FibreMaps.fieldToChannels(face, field, channels, amplitude, crosstalk, true, true);
    }

    @Override
    public void applyTranspose(ComplexArray field, ComplexArray channels) {
        FibreMaps.checkShapes(field, channels, face);
        FibreMaps.fieldToChannels(face, field, channels, amplitude, crosstalk, true, false);
    }
}
