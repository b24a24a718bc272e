package org.phasor.photonics;

/**
 * Compiles a {@link MeshLayout} with its {@link Fabrication} into an {@link OpticalPath}. Each MZI is
 * φ-shifter, coupler, θ-shifter, coupler (see {@link Mzi}); after every column each waveguide gets its
 * propagation loss and a read-out mark (the "light flowing" snapshots); an output phase screen and a last
 * mark close the mesh. Marks: one per column, then one after the output phases.
 */
public final class Mesh {
    private Mesh() {
    }

    /** The open (unfolded) mesh: transfer U. */
    public static OpticalPath path(MeshLayout layout, Fabrication fab) {
        OpticalPath.Builder b = OpticalPath.builder(layout.modes()).heaters(layout.heaters());
        appendMesh(b, layout, fab);
        return b.build();
    }

    /** Adds the mesh elements to a builder (shared with {@link SymmetricCore}). */
    static void appendMesh(OpticalPath.Builder b, MeshLayout layout, Fabrication fab) {
        appendMesh(b, layout, fab, false);
    }

    /**
     * With {@code tagged}, every coupler carries parameter id 2k / 2k+1 and every column-loss factor is present
     * (even when 1) with diagonal id c·modes + i, the indices of {@link Fabrication}: the path a calibration fit
     * differentiates ({@link OpticalPath#parameterGradient}).
     */
    static void appendMesh(OpticalPath.Builder b, MeshLayout layout, Fabrication fab, boolean tagged) {
        int n = layout.modes();
        int k = 0;
        for (int c = 0; c < layout.columns(); c++) {
            for (; k < layout.mzis() && layout.column()[k] == c; k++) {
                int m = layout.mode()[k];
                b.phase(m, layout.phiHeater(k));
                b.coupler(m, fab.couplerEta()[2 * k], tagged ? 2 * k : -1);
                b.phase(m, layout.thetaHeater(k));
                b.coupler(m, fab.couplerEta()[2 * k + 1], tagged ? 2 * k + 1 : -1);
            }
            for (int i = 0; i < n; i++) {
                double t = fab.columnLoss()[c * n + i];
                if (tagged) {
                    b.diagonal(i, t, 0, c * n + i);
                } else if (t != 1) {
                    b.diagonal(i, t, 0);
                }
            }
            b.mark();
        }
        for (int i = 0; i < n; i++) {
            b.phase(i, layout.outputHeater(i));
        }
        b.mark();
    }
}
