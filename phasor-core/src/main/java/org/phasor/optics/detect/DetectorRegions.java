package org.phasor.optics.detect;

import org.phasor.math.ComplexArray;
import org.phasor.optics.Grid;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Detector regions on an output plane: E_r = Σ_{(x,y) ∈ r} |u(x,y)|² per batch item and region (a sum of
 * intensity samples; multiply by dx·dy for power). Regions may overlap.
 *
 * <p>Backward (Wirtinger, docs/physics.md): given dL/dE_r, ∂L/∂u* = Σ_r dL/dE_r · u inside region r (zero
 * outside every region). This is also what the fully forward method loads as its error field's source
 * (conjugated).
 */
public final class DetectorRegions {
    private final Grid grid;
    private final List<Region> regions;
    /** For each row y, the regions that intersect it (speeds up measure/backward on large frames). */
    private final int[][] regionsByRow;

    public DetectorRegions(Grid grid, List<Region> regions) {
        this.grid = java.util.Objects.requireNonNull(grid, "grid");
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("detector needs at least one region");
        }
        for (Region r : regions) {
            if (r.x0() + r.width() > grid.nx() || r.y0() + r.height() > grid.ny()) {
                throw new IllegalArgumentException("detector region " + r + " does not fit the " + grid.nx() + "x"
                        + grid.ny() + " grid");
            }
        }
        this.regions = List.copyOf(regions);
        this.regionsByRow = new int[grid.ny()][];
        for (int y = 0; y < grid.ny(); y++) {
            List<Integer> in = new ArrayList<>();
            for (int r = 0; r < this.regions.size(); r++) {
                Region g = this.regions.get(r);
                if (y >= g.y0() && y < g.y0() + g.height()) {
                    in.add(r);
                }
            }
            regionsByRow[y] = in.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The common 10-class layout: rows of 3, 4 and 3 square regions of {@code size} pixels separated by
     * {@code gap} pixels (centre to centre size + gap in x and y), centred on the grid.
     */
    public static DetectorRegions tenClass343(Grid grid, int size, int gap) {
        if (size <= 0 || gap < 0) {
            throw new IllegalArgumentException("3-4-3 layout needs size > 0 and gap ≥ 0 pixels, got size=" + size
                    + " gap=" + gap);
        }
        int pitch = size + gap;
        int[] perRow = {3, 4, 3};
        List<Region> list = new ArrayList<>();
        double cy = grid.ny() / 2.0;
        double cx = grid.nx() / 2.0;
        for (int row = 0; row < 3; row++) {
            double yc = cy + (row - 1) * pitch;
            for (int j = 0; j < perRow[row]; j++) {
                double xc = cx + (j - (perRow[row] - 1) / 2.0) * pitch;
                int x0 = (int) Math.round(xc - size / 2.0);
                int y0 = (int) Math.round(yc - size / 2.0);
                if (x0 < 0 || y0 < 0 || x0 + size > grid.nx() || y0 + size > grid.ny()) {
                    throw new IllegalArgumentException("3-4-3 layout with size " + size + " and gap " + gap
                            + " pixels does not fit the " + grid.nx() + "x" + grid.ny() + " grid");
                }
                list.add(new Region(x0, y0, size, size));
            }
        }
        return new DetectorRegions(grid, list);
    }

    /** The 3-4-3 layout with size = min(nx, ny)/10 and gap = size (the FFM code's 40-pixel squares on 400²). */
    public static DetectorRegions tenClass343(Grid grid) {
        int size = Math.max(1, Math.min(grid.nx(), grid.ny()) / 10);
        return tenClass343(grid, size, size);
    }

    public Grid grid() {
        return grid;
    }

    public List<Region> regions() {
        return regions;
    }

    public int count() {
        return regions.size();
    }

    /** out[b·R + r] = E_r of item b; {@code out} has batch·R values. */
    public void measure(ComplexArray u, double[] out) {
        check(u);
        int nR = regions.size();
        if (out.length != u.batch() * nR) {
            throw new IllegalArgumentException("detector output needs " + u.batch() * nR + " values, got " + out.length);
        }
        int nx = grid.nx();
        IntStream.range(0, u.batch()).parallel().forEach(b -> {
            double[] row = new double[2 * nx];
            double[] acc = new double[nR];
            for (int y = 0; y < grid.ny(); y++) {
                int[] rs = regionsByRow[y];
                if (rs.length == 0) {
                    continue;
                }
                u.load(u.index(b, y, 0), row, 0, nx);
                for (int r : rs) {
                    Region g = regions.get(r);
                    double s = 0;
                    for (int x = g.x0(); x < g.x0() + g.width(); x++) {
                        s += row[2 * x] * row[2 * x] + row[2 * x + 1] * row[2 * x + 1];
                    }
                    acc[r] += s;
                }
            }
            System.arraycopy(acc, 0, out, b * nR, nR);
        });
    }

    /** E as [batch][R]. */
    public double[][] measure(ComplexArray u) {
        double[] flat = new double[u.batch() * regions.size()];
        measure(u, flat);
        double[][] e = new double[u.batch()][];
        for (int b = 0; b < e.length; b++) {
            e[b] = java.util.Arrays.copyOfRange(flat, b * regions.size(), (b + 1) * regions.size());
        }
        return e;
    }

    /**
     * Vector–Jacobian product: grad ← ∂L/∂u* = Σ_r dLdE[b·R + r] · u inside region r, zero elsewhere.
     * {@code grad} is overwritten (same shape as u).
     */
    public void backward(ComplexArray u, double[] dLdE, ComplexArray grad) {
        check(u);
        u.requireSameShape(grad);
        int nR = regions.size();
        if (dLdE.length != u.batch() * nR) {
            throw new IllegalArgumentException("detector gradient needs " + u.batch() * nR + " values, got " + dLdE.length);
        }
        int nx = grid.nx();
        int ny = grid.ny();
        IntStream.range(0, u.batch() * ny).parallel().forEach(t -> {
            int b = t / ny;
            int y = t % ny;
            double[] row = new double[2 * nx];
            double[] w = new double[nx];
            long start = u.index(b, y, 0);
            int[] rs = regionsByRow[y];
            if (rs.length > 0) {
                u.load(start, row, 0, nx);
                for (int r : rs) {
                    Region g = regions.get(r);
                    double d = dLdE[b * nR + r];
                    for (int x = g.x0(); x < g.x0() + g.width(); x++) {
                        w[x] += d;
                    }
                }
            }
            for (int x = 0; x < nx; x++) {
                row[2 * x] *= w[x];
                row[2 * x + 1] *= w[x];
            }
            grad.store(start, row, 0, nx);
        });
    }

    private void check(ComplexArray u) {
        if (u.nx() != grid.nx() || u.ny() != grid.ny()) {
            throw new IllegalArgumentException("detector on " + grid.describe() + " got an array " + u.shape());
        }
    }
}
