package org.phasor.optics.propagation;

import org.phasor.optics.Grid;

/**
 * What a transfer function depends on: the sampling (not the grid's position), the distance, the resolved
 * method and the zero-padding factor. Used as the cache key.
 */
public record TransferKey(int nx, int ny, double dx, double dy, double wavelength, double distance,
                          Method method, int pad) {

    public static TransferKey of(Grid grid, double distance, Method method, int pad) {
        return new TransferKey(grid.nx(), grid.ny(), grid.dx(), grid.dy(), grid.wavelength(), distance, method, pad);
    }
}
