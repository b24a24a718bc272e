package org.phasor.optics.element;

import org.phasor.math.ComplexArray;
import org.phasor.optics.Grid;

import java.util.stream.IntStream;

/**
 * A phase-only element t = exp(iφ(x, y)), φ in radians (row-major, nx·ny values). The phase can be updated in
 * place ({@link #setPhase}) so a trainable layer re-uses one object; the object is then a mutable buffer owned
 * by that layer.
 *
 * <p>Gradient (Wirtinger, docs/physics.md): for o = t ⊙ u and g = ∂L/∂o*, ∂L/∂φ = −2·Im(conj(g) ⊙ o), summed
 * over the batch ({@link #accumulatePhaseGradient}).
 */
public final class PhaseMask extends DiagonalElement {
    private final double[] phase;

    public PhaseMask(Grid grid, double[] phase) {
        super(grid);
        this.phase = new double[grid.size()];
        setPhase(phase);
    }

    /** A uniform-phase (transparent) mask. */
    public static PhaseMask zero(Grid grid) {
        return new PhaseMask(grid, new double[grid.size()]);
    }

    /** Replaces φ (copied) and recomputes t. */
    public void setPhase(double[] newPhase) {
        requireSamples(grid(), newPhase, "phase mask");
        System.arraycopy(newPhase, 0, phase, 0, phase.length);
        IntStream.range(0, phase.length).parallel().forEach(i -> {
            t[2 * i] = Math.cos(phase[i]);
            t[2 * i + 1] = Math.sin(phase[i]);
        });
    }

    /** A copy of φ, radians. */
    public double[] phase() {
        return phase.clone();
    }

    /**
     * accum[j] += Σ_b −2·Im(conj(g_b[j]) · t[j] · u_b[j]), i.e. ∂L/∂φ for o = t ⊙ u.
     *
     * @param input    u, the field arriving at the mask (before it), batch B
     * @param gradOut  g = ∂L/∂o*, the upstream gradient at the mask's output, batch B
     * @param accum    nx·ny values to add the gradient to
     */
    public void accumulatePhaseGradient(ComplexArray input, ComplexArray gradOut, double[] accum) {
        input.requireSameShape(gradOut);
        if (accum.length != phase.length || input.itemSize() != phase.length) {
            throw new IllegalArgumentException("phase gradient: mask has " + phase.length + " samples, arrays "
                    + input.shape() + ", accumulator " + accum.length);
        }
        int batch = input.batch();
        int rows = grid().ny();
        int nx = grid().nx();
        IntStream.range(0, rows).parallel().forEach(y -> {
            double[] u = new double[2 * nx];
            double[] g = new double[2 * nx];
            for (int b = 0; b < batch; b++) {
                long start = input.index(b, y, 0);
                input.load(start, u, 0, nx);
                gradOut.load(start, g, 0, nx);
                for (int x = 0; x < nx; x++) {
                    int j = y * nx + x;
                    double tr = t[2 * j];
                    double ti = t[2 * j + 1];
                    double or = tr * u[2 * x] - ti * u[2 * x + 1];
                    double oi = tr * u[2 * x + 1] + ti * u[2 * x];
                    // Im(conj(g)·o) = gr·oi − gi·or
                    accum[j] += -2 * (g[2 * x] * oi - g[2 * x + 1] * or);
                }
            }
        });
    }
}
