package org.phasor.optics.element;

import org.phasor.math.ComplexArray;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;

/**
 * A thin element acting point by point: u ← t ⊙ u with a complex transmission t on the element's grid (the
 * same for every batch item). Diagonal operators are symmetric, so Mᵀ = M (reciprocity) and Mᴴ = diag(t*).
 */
public abstract class DiagonalElement implements LinearOp {
    private final Grid grid;
    /** Interleaved transmission, length 2·nx·ny; subclasses that change it (a trainable mask) own the update. */
    protected final double[] t;
    private final ThreadLocal<double[]> scratch = Diagonal.newScratch();

    protected DiagonalElement(Grid grid) {
        this.grid = java.util.Objects.requireNonNull(grid, "grid");
        this.t = new double[2 * grid.size()];
    }

    @Override
    public final Grid grid() {
        return grid;
    }

    @Override
    public void apply(ComplexArray a) {
        check(a);
        Diagonal.multiply(a, t, false, scratch);
    }

    @Override
    public void applyAdjoint(ComplexArray a) {
        check(a);
        Diagonal.multiply(a, t, true, scratch);
    }

    @Override
    public void applyTranspose(ComplexArray a) {
        apply(a);
    }

    /** A copy of the interleaved transmission t (re, im per sample, row-major). */
    public double[] transmission() {
        return t.clone();
    }

    private void check(ComplexArray a) {
        if (a.nx() != grid.nx() || a.ny() != grid.ny()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " on " + grid.describe()
                    + " got an array " + a.shape());
        }
    }

    /** Requires a real per-sample array of length nx·ny. */
    protected static void requireSamples(Grid grid, double[] v, String what) {
        if (v.length != grid.size()) {
            throw new IllegalArgumentException(what + " has " + v.length + " values, grid " + grid.describe()
                    + " needs " + grid.size());
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " value " + i + " is " + v[i]);
            }
        }
    }
}
