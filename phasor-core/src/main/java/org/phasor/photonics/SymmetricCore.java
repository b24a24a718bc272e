package org.phasor.photonics;

/**
 * A programmable core whose transfer matrix is symmetric, M = Mᵀ, built by folding a mesh: light goes
 * through a Clements (or Reck) mesh A, reflects off a mirror R (one diagonal reflection per waveguide) and
 * returns through the same mesh, so M = Aᵀ·R·A.
 *
 * <p><b>Why this construction (and not a palindromic layout of distinct MZIs).</b> Symmetry must survive
 * fabrication. Every element of a passive waveguide circuit is reciprocal: its matrix for light travelling
 * backwards is the transpose of its matrix forwards (couplers are symmetric 2×2, phase shifters and loss are
 * diagonal). The return trip therefore applies exactly Aᵀ — with the <i>same</i> coupler errors, losses,
 * heater phases, crosstalk and drift, because it is the same glass — and a mirror is diagonal, so
 * (AᵀRA)ᵀ = AᵀRᵀA = AᵀRA for any A and any diagonal R. A palindromic layout of two separate half-meshes would
 * need their errors to match, which fabrication never grants. As an element sequence the folded core is a
 * palindrome ({@link OpticalPath.Builder#fold}), which the tests check to machine precision with random
 * errors.
 *
 * <p><b>Expressiveness.</b> Every symmetric unitary S has a Takagi factorisation S = V·Vᵀ with V unitary, so
 * with a lossless uniform mirror, A = Vᵀ makes M = S: the folded core reaches all symmetric unitaries. To
 * program a target S, {@link Takagi#programSymmetric} factors it and decomposes Vᵀ with {@link Decomposition}.
 *
 * <p>This is what FFM needs: the error pass, injected at the output ports, sees Mᵀ = M, the same matrix
 * as the data pass (PHYSICS.md), so the core computes its own backward pass. Heaters are those of the mesh;
 * each is passed twice (two taps).
 */
public final class SymmetricCore {
    private SymmetricCore() {
    }

    /** The folded path A, mirror, Aᵀ. Marks: the mesh's columns on the way in, then on the way back. */
    public static OpticalPath path(MeshLayout layout, Fabrication fab) {
        OpticalPath.Builder b = OpticalPath.builder(layout.modes()).heaters(layout.heaters());
        Mesh.appendMesh(b, layout, fab);
        b.fold(fab.mirrorAmp(), fab.mirrorPhase());
        return b.build();
    }

    /**
     * The same folded path with parameter ids for calibration fits ({@link OpticalPath#parameterGradient}):
     * coupler ids 2k, 2k+1 (both passages share them), column-loss ids c·modes + i (all present), mirror ids
     * columns·modes + m.
     */
    public static OpticalPath taggedPath(MeshLayout layout, Fabrication fab) {
        OpticalPath.Builder b = OpticalPath.builder(layout.modes()).heaters(layout.heaters());
        Mesh.appendMesh(b, layout, fab, true);
        b.fold(fab.mirrorAmp(), fab.mirrorPhase(), layout.columns() * layout.modes());
        return b.build();
    }
}
