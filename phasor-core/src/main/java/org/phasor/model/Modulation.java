package org.phasor.model;

/**
 * The per-pixel complex transmission t(p) of one modulation plane as a function of its trainable parameters p,
 * together with its derivatives ∂t/∂p_k. The network multiplies the field arriving at the plane by t.
 *
 * <p>Gradient rule (Wirtinger, see docs/physics.md): with m = t ⊙ a the field leaving the plane, a the field
 * arriving and v the co-field at the plane (the field that arrives there when conj(∂L/∂o*) is launched backwards
 * through the same system, i.e. v = Mᵀ·conj(∂L/∂o*)), every real parameter has
 * <pre>  ∂L/∂p_k = 2·Re( v · (∂t/∂p_k) · a )</pre>
 * For a phase p = φ (t = e^{iφ}, ∂t/∂φ = i·t) this is ∂L/∂φ = −2·Im(m ⊙ v), the formula of the FFM paper.
 * Implementations only say what t and ∂t/∂p are; one generic kernel ({@link NetworkWorkspace}) does the rest.
 */
public sealed interface Modulation permits PhaseModulation, SlmModulation, AmplitudeModulation, ComplexModulation {

    /** Trainable real parameters per pixel (1 for phase, SLM level and amplitude; 2 for complex). */
    int paramsPerPixel();

    /**
     * Evaluates the transmission for all {@code pixels}.
     *
     * @param params parameters, {@code params[pixel * K + k]} with K = {@link #paramsPerPixel()}
     * @param t      out: interleaved transmission, {@code t[2*pixel], t[2*pixel+1]} = Re, Im
     * @param dt     out: interleaved ∂t/∂p_k at {@code dt[2*(pixel*K + k)]} (Re) and {@code +1} (Im)
     */
    default void transmission(double[] params, double[] t, double[] dt, int pixels) {
        transmission(params, t, dt, 0, pixels);
    }

    /**
     * As {@link #transmission(double[], double[], double[], int)} for pixels {@code [from, to)} only (same array
     * layout, other entries untouched), so a caller can split a plane over the cores.
     */
    void transmission(double[] params, double[] t, double[] dt, int from, int to);

    /** Short name used in configs and exports ({@code phase}, {@code slm}, {@code amplitude}, {@code complex}). */
    String name();

    /** Parameters of a plane that transmits everything unchanged (t = 1) where possible. */
    default double[] identityParams(int pixels) {
        return new double[pixels * paramsPerPixel()];
    }

    /** Parses {@code phase | amplitude | complex} (an SLM needs its look-up table: {@link SlmModulation}). */
    static Modulation parse(String name) {
        return switch (name) {
            case "phase" -> PhaseModulation.INSTANCE;
            case "amplitude" -> AmplitudeModulation.INSTANCE;
            case "complex" -> ComplexModulation.INSTANCE;
            default -> throw new IllegalArgumentException(
                    "unknown modulation '" + name + "' (expected phase, slm, amplitude or complex)");
        };
    }
}
