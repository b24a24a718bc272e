package org.phasor.optics.element;

import org.phasor.math.ComplexArray;
import org.phasor.optics.Grid;

import java.util.stream.IntStream;

/**
 * A real amplitude transmission a(x, y) (typically 0..1; row-major nx·ny values). Gradient for o = a ⊙ u and
 * g = ∂L/∂o*: ∂L/∂a = 2·Re(conj(g) ⊙ u) ({@link #accumulateAmplitudeGradient}).
 */
public final class AmplitudeMask extends DiagonalElement {
    private final double[] amplitude;

    public AmplitudeMask(Grid grid, double[] amplitude) {
        super(grid);
        this.amplitude = new double[grid.size()];
        setAmplitude(amplitude);
    }

    public void setAmplitude(double[] a) {
        requireSamples(grid(), a, "amplitude mask");
        System.arraycopy(a, 0, amplitude, 0, amplitude.length);
        for (int i = 0; i < amplitude.length; i++) {
            t[2 * i] = amplitude[i];
            t[2 * i + 1] = 0;
        }
    }

    public double[] amplitude() {
        return amplitude.clone();
    }

    /** accum[j] += Σ_b 2·Re(conj(g_b[j]) · u_b[j]); {@code input} is the field before the mask. */
    public void accumulateAmplitudeGradient(ComplexArray input, ComplexArray gradOut, double[] accum) {
        input.requireSameShape(gradOut);
        if (accum.length != amplitude.length || input.itemSize() != amplitude.length) {
            throw new IllegalArgumentException("amplitude gradient: mask has " + amplitude.length
                    + " samples, arrays " + input.shape() + ", accumulator " + accum.length);
        }
        int nx = grid().nx();
        IntStream.range(0, grid().ny()).parallel().forEach(y -> {
            double[] u = new double[2 * nx];
            double[] g = new double[2 * nx];
            for (int b = 0; b < input.batch(); b++) {
                long start = input.index(b, y, 0);
                input.load(start, u, 0, nx);
                gradOut.load(start, g, 0, nx);
                for (int x = 0; x < nx; x++) {
                    accum[y * nx + x] += 2 * (g[2 * x] * u[2 * x] + g[2 * x + 1] * u[2 * x + 1]);
                }
            }
        });
    }
}
