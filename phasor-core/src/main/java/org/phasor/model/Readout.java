package org.phasor.model;

import org.phasor.math.ComplexArray;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Class scores from the output plane: the optical energy E_c = Σ_{p ∈ R_c} |o_p|² collected by detector region c
 * (one region per class), and the backward step from ∂L/∂E to the error field.
 *
 * <p>Error field convention: e = conj(∂L/∂o*), so with ∂L/∂o* = (∂L/∂I)·o and ∂L/∂I_p = Σ_c ∂L/∂E_c·[p ∈ R_c],
 * e_p = (∂L/∂I_p)·conj(o_p): exactly the field the FFM paper loads into the optical error pass.
 *
 * @param nx      output grid columns
 * @param ny      output grid rows
 * @param regions detector regions in pixels of the output grid
 */
public record Readout(int nx, int ny, List<Region> regions) {

    /** An axis-aligned rectangular detector region: columns [x0, x0+width), rows [y0, y0+height). */
    public record Region(int x0, int y0, int width, int height) {
        public Region {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("detector region size must be positive, got " + width + "x" + height);
            }
        }
    }

    public Readout {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("readout needs at least one detector region");
        }
        for (int c = 0; c < regions.size(); c++) {
            Region r = regions.get(c);
            if (r.x0() < 0 || r.y0() < 0 || r.x0() + r.width() > nx || r.y0() + r.height() > ny) {
                throw new IllegalArgumentException("detector region " + c + " (x " + r.x0() + ".." + (r.x0() + r.width())
                        + ", y " + r.y0() + ".." + (r.y0() + r.height()) + ") lies outside the " + nx + "x" + ny + " output grid");
            }
        }
    }

    public int classes() {
        return regions.size();
    }

    /** Region energies of the first {@code n} items, flat {@code energies[b * classes + c]}. Parallel over items. */
    public void energies(ComplexArray out, int n, double[] energies) {
        IntStream.range(0, n).parallel().forEach(b -> {
            for (int c = 0; c < regions.size(); c++) {
                Region r = regions.get(c);
                double e = 0;
                for (int y = r.y0(); y < r.y0() + r.height(); y++) {
                    for (int x = r.x0(); x < r.x0() + r.width(); x++) {
                        long i = out.index(b, y, x);
                        double re = out.re(i);
                        double im = out.im(i);
                        e += re * re + im * im;
                    }
                }
                energies[b * regions.size() + c] = e;
            }
        });
    }

    /**
     * Writes the error field e = (∂L/∂I)·conj(o) for the first {@code n} items into {@code error} (zero outside
     * the regions). {@code dLdE[b * classes + c]} is ∂L/∂E_c of item b.
     */
    public void errorField(ComplexArray out, int n, double[] dLdE, ComplexArray error) {
        IntStream.range(0, n).parallel().forEach(b -> {
            error.item(b).clear();
            for (int c = 0; c < regions.size(); c++) {
                Region r = regions.get(c);
                double g = dLdE[b * regions.size() + c];
                for (int y = r.y0(); y < r.y0() + r.height(); y++) {
                    for (int x = r.x0(); x < r.x0() + r.width(); x++) {
                        long i = out.index(b, y, x);
                        // overlapping regions add up
                        error.set(i, error.re(i) + g * out.re(i), error.im(i) - g * out.im(i));
                    }
                }
            }
        });
    }

    /** The class with the largest energy of item {@code b} (ties: the lowest class index). */
    public int predict(double[] energies, int b) {
        int k = regions.size();
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (energies[b * k + c] > energies[b * k + best]) {
                best = c;
            }
        }
        return best;
    }
}
