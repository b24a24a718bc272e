package org.phasor.model;

/**
 * A pointwise optical nonlinearity whose effect depends only on the local intensity: w = y·h(s), s = |y|²/I_ref.
 * Such an element (a saturable absorber, a Kerr-like medium, both in the thin-element limit) is placed right after
 * a modulation plane.
 *
 * <p>Derivatives used by the exact backward pass (Wirtinger, y and y* independent):
 * <pre>  ∂w/∂y = h + s·h'(s),   ∂w/∂y* = y²·h'(s)/I_ref</pre>
 * (with h' = dh/ds). Because w depends on y*, the co-field does not just get multiplied by a number: with v the
 * co-field at the element's output (see {@link Modulation}), the co-field at its input is
 * <pre>  v_y = v·∂w/∂y + conj( v·∂w/∂y* )</pre>
 * The FFM paper's optical error pass applies only the first (holomorphic) term; the model computes both, and
 * the finite-difference tests check that.
 */
public sealed interface Activation permits Activation.None, KerrPhase, SaturableAbsorber {

    /** The identity: no nonlinearity. */
    None NONE = new None();

    /**
     * Writes h(s) and h'(s) for the normalised intensity s: {@code out[0..3] = Re h, Im h, Re h', Im h'}.
     */
    void response(double s, double[] out);

    /** Intensity scale I_ref (same units as |y|²): s = |y|²/I_ref. */
    double intensityScale();

    /** Short name used in configs ({@code none}, {@code kerr}, {@code saturable}, {@code saturable-2level}). */
    String name();

    default boolean isIdentity() {
        return false;
    }

    /** No nonlinearity (h = 1). */
    record None() implements Activation {
        @Override
        public void response(double s, double[] out) {
            out[0] = 1;
            out[1] = 0;
            out[2] = 0;
            out[3] = 0;
        }

        @Override
        public double intensityScale() {
            return 1;
        }

        @Override
        public String name() {
            return "none";
        }

        @Override
        public boolean isIdentity() {
            return true;
        }
    }

    /** Parses a config name with its intensity scale (and optical depth for the two-level absorber). */
    static Activation parse(String name, double intensityScale, double opticalDepth) {
        return switch (name) {
            case "none" -> NONE;
            case "kerr" -> new KerrPhase(intensityScale);
            case "saturable" -> SaturableAbsorber.simple(intensityScale);
            case "saturable-2level" -> SaturableAbsorber.twoLevel(intensityScale, opticalDepth);
            default -> throw new IllegalArgumentException(
                    "unknown activation '" + name + "' (expected none, kerr, saturable or saturable-2level)");
        };
    }
}
