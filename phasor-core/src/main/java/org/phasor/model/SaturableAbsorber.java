package org.phasor.model;

/**
 * A thin saturable absorber: its amplitude transmission rises with the local intensity (bright light bleaches
 * the absorber), so weak features are suppressed relative to strong ones — the optical analogue of a ReLU-like
 * threshold. Two forms, both real h(s), s = |y|²/I_sat:
 * <ul>
 *   <li>{@code saturable-2level}: the standard two-level model in the thin-sample limit. The absorption coefficient
 *   is α(I) = α₀/(1 + I/I_sat), so the amplitude transmission of a sample of optical depth OD = α₀·L is
 *   h(s) = exp(−(OD/2)/(1+s)): exp(−OD/2) for weak light, 1 when fully bleached.</li>
 *   <li>{@code saturable}: the rational form h(s) = 1/(1 + s) applied to the amplitude (a saturating transmission
 *   used in many ONN papers; it compresses the dynamic range, strong light is attenuated most).</li>
 * </ul>
 *
 * @param intensityScale I_sat (same units as |y|²)
 * @param opticalDepth   OD = α₀·L for the two-level form; negative selects the rational form
 */
public record SaturableAbsorber(double intensityScale, double opticalDepth) implements Activation {

    public SaturableAbsorber {
        if (!(intensityScale > 0) || !Double.isFinite(intensityScale)) {
            throw new IllegalArgumentException("saturation intensity must be positive, got " + intensityScale);
        }
    }

    /** h(s) = 1/(1+s). */
    public static SaturableAbsorber simple(double iSat) {
        return new SaturableAbsorber(iSat, -1);
    }

    /** Two-level model, h(s) = exp(−(OD/2)/(1+s)). */
    public static SaturableAbsorber twoLevel(double iSat, double opticalDepth) {
        if (!(opticalDepth >= 0)) {
            throw new IllegalArgumentException("optical depth must be ≥ 0, got " + opticalDepth);
        }
        return new SaturableAbsorber(iSat, opticalDepth);
    }

    @Override
    public void response(double s, double[] out) {
        double q = 1 / (1 + s);
        if (opticalDepth < 0) {
            out[0] = q;
            out[2] = -q * q;
        } else {
            double h = Math.exp(-0.5 * opticalDepth * q);
            out[0] = h;
            out[2] = h * 0.5 * opticalDepth * q * q; // d/ds exp(−(OD/2)/(1+s))
        }
        out[1] = 0;
        out[3] = 0;
    }

    @Override
    public String name() {
        return opticalDepth < 0 ? "saturable" : "saturable-2level";
    }
}
