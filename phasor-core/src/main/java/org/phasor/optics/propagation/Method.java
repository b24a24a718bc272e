package org.phasor.optics.propagation;

import java.util.Arrays;
import java.util.Locale;

/**
 * Free-space propagation methods (see docs/physics.md for validity ranges).
 * <ul>
 *   <li>{@link #ASM}: exact angular spectrum, H = exp(i·2πz·sqrt(1/λ² − f²)); evanescent components decay as
 *       exp(−2πz·sqrt(f² − 1/λ²)). Aliases at long distances on small grids.</li>
 *   <li>{@link #BL_ASM}: band-limited angular spectrum (Matsushima &amp; Shimobaba 2009): ASM with H zeroed where
 *       its phase would alias. Identical to ASM wherever ASM does not alias.</li>
 *   <li>{@link #FRESNEL}: Fresnel (paraxial) transfer function exp(ikz)·exp(−iπλz·f²).</li>
 *   <li>{@link #FRAUNHOFER}: far field by one FFT; changes the grid (output pitch λz/(N·dx)).</li>
 *   <li>{@link #AUTO}: ASM when it does not alias, otherwise BL-ASM; never Fresnel (same cost as ASM, less
 *       accurate) nor Fraunhofer (it changes the grid).</li>
 * </ul>
 */
public enum Method {
    AUTO("auto"),
    ASM("asm"),
    BL_ASM("bl-asm"),
    FRESNEL("fresnel"),
    FRAUNHOFER("fraunhofer");

    private final String cliName;

    Method(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in configs, e.g. {@code bl-asm}. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name ({@code auto|asm|bl-asm|fresnel|fraunhofer}); one-line error otherwise. */
    public static Method parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Method m : values()) {
            if (m.cliName.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown propagation method '" + text + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(Method::cliName).toList()) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
