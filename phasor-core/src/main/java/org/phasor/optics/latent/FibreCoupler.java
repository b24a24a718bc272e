package org.phasor.optics.latent;

import org.phasor.math.ComplexArray;

/**
 * Couples a field at a plane into the K guided channels of a fibre bundle (or metasurface coupler array):
 * A = √η·C·P, where P takes the overlap integral of the field with each channel's (orthonormalised) mode on
 * the {@link FibreFace}, C is the bundle's {@link Crosstalk} and η ≤ 1 the coupling efficiency (Fresnel and
 * mode-mismatch losses). Linear and passive: Σ|a|² ≤ Σ|u|², with equality only for η = 1, unitary C and a
 * field lying in the span of the modes. The field is input shape [ny][nx], the channels output shape [1][K].
 *
 * <p>Reciprocity: running the bundle backwards is Aᵀ = √η·Pᵀ·Cᵀ, i.e. an {@link FibreEmitter} on the same
 * face with crosstalk Cᵀ (= C for a reciprocal bundle). This is what lets a fully-forward (FFM) error pass go
 * back through the fibres.
 */
public final class FibreCoupler implements LinearMap {
    private final FibreFace face;
    private final double amplitude;
    private final Crosstalk crosstalk;

    public FibreCoupler(FibreFace face, double efficiency, Crosstalk crosstalk) {
        this.face = face;
        this.amplitude = checkedAmplitude(efficiency);
        if (crosstalk.channels() != face.channels()) {
            throw new IllegalArgumentException("crosstalk is for " + crosstalk.channels() + " channels but the fibre face has "
                    + face.channels());
        }
        this.crosstalk = crosstalk;
    }

    /** Lossless coupler without crosstalk. */
    public FibreCoupler(FibreFace face) {
        this(face, 1, Crosstalk.none(face.channels()));
    }

    static double checkedAmplitude(double efficiency) {
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("fibre coupling efficiency must be in (0, 1], got " + efficiency);
        }
        return Math.sqrt(efficiency);
    }

    public FibreFace face() {
        return face;
    }

    public double efficiency() {
        return amplitude * amplitude;
    }

    public Crosstalk crosstalk() {
        return crosstalk;
    }

    public int channels() {
        return face.channels();
    }

    /**
     * The bundle run backwards into this face (reciprocity): Aᵀ = √η·Pᵀ·Cᵀ, an emitter on the same face with
     * crosstalk Cᵀ. What a fully-forward error pass launches back out of the coupler is computed with it (in a
     * lab the fibres do it physically).
     */
    public FibreEmitter reversed() {
        return new FibreEmitter(face, efficiency(), crosstalk.transpose());
    }

    @Override
    public int[] inShape() {
        return new int[]{face.grid().ny(), face.grid().nx()};
    }

    @Override
    public int[] outShape() {
        return new int[]{1, face.channels()};
    }

    /** A zero channel array for {@code batch} items in the field's precision. */
    public ComplexArray newChannels(ComplexArray like) {
        return ComplexArray.zeros(like.precision(), like.batch(), 1, channels());
    }

    @Override
    public void apply(ComplexArray field, ComplexArray channels) {
        FibreMaps.checkShapes(field, channels, face);
        FibreMaps.fieldToChannels(face, field, channels, amplitude, crosstalk, false, false);
    }

    @Override
    public void applyAdjoint(ComplexArray channels, ComplexArray field) {
        FibreMaps.checkShapes(field, channels, face);
        FibreMaps.channelsToField(face, channels, field, amplitude, crosstalk, true, true);
    }

    @Override
    public void applyTranspose(ComplexArray channels, ComplexArray field) {
        FibreMaps.checkShapes(field, channels, face);
        FibreMaps.channelsToField(face, channels, field, amplitude, crosstalk, true, false);
    }
}
