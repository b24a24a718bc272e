package org.phasor.optics.element;

import org.phasor.optics.Grid;

/**
 * An ideal thin lens of focal length f (metres; negative for a diverging lens) centred on the optical axis
 * (x = y = 0 in grid coordinates): t = exp(−i·k·r²/(2f)). With the exp(−iωt) convention (a plane wave along
 * +z is exp(+ikz)) this turns a normally incident plane wave into a spherical wave converging to z = f.
 * No pupil: combine with an {@link Aperture}.
 */
public final class ThinLens extends DiagonalElement {
    private final double focalLength;

    public ThinLens(Grid grid, double focalLength) {
        super(grid);
        if (!Double.isFinite(focalLength) || focalLength == 0) {
            throw new IllegalArgumentException("lens focal length must be a finite non-zero number of metres, got "
                    + focalLength);
        }
        this.focalLength = focalLength;
        double k = grid.k();
        for (int iy = 0; iy < grid.ny(); iy++) {
            double y = grid.y(iy);
            for (int ix = 0; ix < grid.nx(); ix++) {
                double x = grid.x(ix);
                double phase = -k * (x * x + y * y) / (2 * focalLength);
                int j = iy * grid.nx() + ix;
                t[2 * j] = Math.cos(phase);
                t[2 * j + 1] = Math.sin(phase);
            }
        }
    }

    public double focalLength() {
        return focalLength;
    }
}
