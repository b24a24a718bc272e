package org.phasor.bench;

/**
 * Phase-shifting interferometry with reference steps of π/2, shared by the free-space holography
 * ({@link Holography}) and the chip's coherent detection. With I_k = |u + r·e^{ikπ/2}|²:
 * <ul>
 * <li>Re(u·r*) = (I₀ − I₂) / 4</li>
 * <li>Im(u·r*) = (I₁ − I₃) / 4 with 4 steps, or (2I₁ − I₀ − I₂) / 4 with 3 steps (the FFM authors' choice)</li>
 * </ul>
 * 4 steps halve the variance of the imaginary part for a third more frames.
 */
public final class PhaseShifting {
    private PhaseShifting() {
    }

    /** {@code steps} if it is 3 or 4; otherwise a one-line error (for configs, checked before any work starts). */
    public static int requireSteps(int steps) {
        if (steps != 3 && steps != 4) {
            throw new IllegalArgumentException("holography steps must be 3 or 4, got " + steps);
        }
        return steps;
    }

    /** Re(u·r*) from the frames at reference phases 0 and π. */
    public static double real(double i0, double i2) {
        return (i0 - i2) / 4;
    }

    /** Im(u·r*) from the frames at 0, π/2, π and (4 steps only; ignored for 3) 3π/2. */
    public static double imag(int steps, double i0, double i1, double i2, double i3) {
        return steps == 4 ? (i1 - i3) / 4 : (2 * i1 - i0 - i2) / 4;
    }
}
