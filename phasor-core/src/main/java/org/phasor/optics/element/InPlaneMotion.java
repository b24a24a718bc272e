package org.phasor.optics.element;

import org.phasor.math.ComplexArray;
import org.phasor.math.fft.LineShift;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;

import java.util.stream.IntStream;

/**
 * A rigid in-plane motion of a field: what an element sampled on its own pixel grid looks like from the lab
 * frame when the element is shifted by (dx, dy) pixels and rotated by θ about the grid centre (nx/2, ny/2):
 * (T f)(x) = f(R(−θ)(x − c − δ) + c). Done as three shears (Unser, Thévenaz &amp; Yaroslavsky, IEEE TIP 4, 1371
 * (1995)): R(−θ) = Sx(tan θ/2)·Sy(−sin θ)·Sx(tan θ/2), each shear a sub-pixel Fourier shift of every row or
 * column ({@link LineShift}, all rows or all columns in one batched transform), the translation folded into the
 * outer two. A band-limited field is moved without
 * the blur an interpolation would add (bilinear resampling at a half-pixel offset removes the Nyquist frequency
 * altogether; a real shifted SLM does no such thing).
 *
 * <p>Directions: {@link #apply} = T (element frame → lab frame); {@link #applyTranspose} = Tᵀ = the same shears
 * undone in reverse order (lab → element frame, T⁻¹ up to what the zero padding lets fall off the edges);
 * {@link #applyAdjoint} = Tᴴ = Tᵀ. So an element D (diagonal on its own pixels) seen in the lab is T·D·Tᵀ, whose
 * transpose is itself: a moved element stays reciprocal.
 */
public final class InPlaneMotion implements LinearOp {
    private final Grid grid;
    private final double dx;
    private final double dy;
    private final double rotation;
    private final double tanHalf;
    private final double sin;
    private final LineShift rows;
    private final LineShift cols;
    private final ThreadLocal<double[]> item;
    private final ThreadLocal<LineShift.Scratch> rowScratch;
    private final ThreadLocal<LineShift.Scratch> colScratch;

    /** @param dx shift along x, pixels; @param dy along y; @param rotation radians, counter-clockwise (x → y) */
    public InPlaneMotion(Grid grid, double dx, double dy, double rotation) {
        if (!Double.isFinite(dx) || !Double.isFinite(dy) || !Double.isFinite(rotation) || Math.abs(rotation) > Math.PI / 4) {
            throw new IllegalArgumentException("in-plane motion: shift (" + dx + ", " + dy + ") px, rotation "
                    + rotation + " rad (|rotation| ≤ π/4)");
        }
        this.grid = grid;
        this.dx = dx;
        this.dy = dy;
        this.rotation = rotation;
        this.tanHalf = Math.tan(rotation / 2);
        this.sin = Math.sin(rotation);
        int nx = grid.nx();
        int ny = grid.ny();
        // the largest shift any row or column sees, the margin the zero padding must leave
        double margin = Math.abs(dx) + Math.abs(dy) + (Math.abs(tanHalf) + Math.abs(sin)) * Math.max(nx, ny);
        this.rows = new LineShift(nx, ny, margin); // ny rows of nx samples
        this.cols = new LineShift(ny, nx, margin); // nx columns of ny samples
        this.item = ThreadLocal.withInitial(() -> new double[2 * nx * ny]);
        this.rowScratch = ThreadLocal.withInitial(rows::newScratch);
        this.colScratch = ThreadLocal.withInitial(cols::newScratch);
    }

    public double dx() {
        return dx;
    }

    public double dy() {
        return dy;
    }

    public double rotation() {
        return rotation;
    }

    /** True when the motion is the identity (no shift, no rotation). */
    public boolean isIdentity() {
        return dx == 0 && dy == 0 && rotation == 0;
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public void apply(ComplexArray a) {
        run(a, false);
    }

    @Override
    public void applyTranspose(ComplexArray a) {
        run(a, true);
    }

    @Override
    public void applyAdjoint(ComplexArray a) {
        run(a, true);
    }

    private void run(ComplexArray a, boolean transpose) {
        if (isIdentity()) {
            return;
        }
        int n = a.itemSize();
        if (n != grid.nx() * grid.ny()) {
            throw new IllegalArgumentException("in-plane motion on " + grid.nx() + "x" + grid.ny()
                    + " fields applied to items of " + n);
        }
        IntStream.range(0, a.batch()).parallel().forEach(b -> {
            double[] f = item.get();
            a.load((long) b * n, f, 0, n);
            move(f, transpose);
            a.store((long) b * n, f, 0, n);
        });
    }

    /**
     * T = O1·O2·O3 with O3 = Sx(α = −tan θ/2), O2 = Sy(α = sin θ, β = δy), O1 = Sx(α = −tan θ/2, β = δx + tan(θ/2)·δy),
     * where Sx(α, β) shifts row y by α(y − cy) + β and Sy(α, β) column x by α(x − cx) + β. Tᵀ applies O1ᵀ, O2ᵀ,
     * O3ᵀ — each the same shear by the opposite amounts — in that order.
     */
    private void move(double[] f, boolean transpose) {
        double sign = transpose ? -1 : 1;
        double b1 = dx + tanHalf * dy;
        if (!transpose) {
            shearRows(f, -tanHalf, 0, sign);
            shearCols(f, sin, dy, sign);
            shearRows(f, -tanHalf, b1, sign);
        } else {
            shearRows(f, -tanHalf, b1, sign);
            shearCols(f, sin, dy, sign);
            shearRows(f, -tanHalf, 0, sign);
        }
    }

    private void shearRows(double[] f, double alpha, double beta, double sign) {
        int nx = grid.nx();
        int ny = grid.ny();
        int cy = ny / 2;
        double[] shifts = new double[ny];
        for (int y = 0; y < ny; y++) {
            shifts[y] = sign * (alpha * (y - cy) + beta);
        }
        rows.shift(f, 0, 1, nx, shifts, rowScratch.get());
    }

    private void shearCols(double[] f, double alpha, double beta, double sign) {
        int nx = grid.nx();
        int cx = nx / 2;
        double[] shifts = new double[nx];
        for (int x = 0; x < nx; x++) {
            shifts[x] = sign * (alpha * (x - cx) + beta);
        }
        cols.shift(f, 0, nx, 1, shifts, colScratch.get());
    }
}
