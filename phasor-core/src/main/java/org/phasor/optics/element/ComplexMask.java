package org.phasor.optics.element;

import org.phasor.optics.Grid;

/** A thin element with an arbitrary complex transmission t(x, y) (interleaved re, im, row-major). */
public final class ComplexMask extends DiagonalElement {

    public ComplexMask(Grid grid, double[] transmission) {
        super(grid);
        if (transmission.length != 2 * grid.size()) {
            throw new IllegalArgumentException("complex mask has " + transmission.length / 2 + " values, grid "
                    + grid.describe() + " needs " + grid.size());
        }
        for (int i = 0; i < transmission.length; i++) {
            if (!Double.isFinite(transmission[i])) {
                throw new IllegalArgumentException("complex mask value " + i / 2 + " is not finite");
            }
        }
        System.arraycopy(transmission, 0, t, 0, t.length);
    }
}
