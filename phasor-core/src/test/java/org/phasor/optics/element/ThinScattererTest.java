package org.phasor.optics.element;

import org.junit.jupiter.api.Test;
import org.phasor.optics.Grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The random phase screen: seeded, the requested standard deviation, correlated over the requested length. */
class ThinScattererTest {
    static final Grid G = Grid.square(128, 5e-6, 532e-9);

    @Test
    void sameSeedSameScreenOtherSeedOtherScreen() {
        double[] a = new ThinScatterer(G, 10e-6, 2.0, 42).phase();
        assertArrayEquals(a, new ThinScatterer(G, 10e-6, 2.0, 42).phase());
        double[] b = new ThinScatterer(G, 10e-6, 2.0, 43).phase();
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void strengthIsThePhaseStandardDeviation() {
        double[] p = new ThinScatterer(G, 15e-6, 1.7, 1).phase();
        double m = 0;
        double s = 0;
        for (double v : p) {
            m += v;
        }
        m /= p.length;
        for (double v : p) {
            s += (v - m) * (v - m);
        }
        assertEquals(0, m, 1e-12);
        assertEquals(1.7, Math.sqrt(s / p.length), 1e-12);
    }

    /**
     * White noise smoothed by a Gaussian of σ has autocorrelation exp(−d²/(4σ²)): at one pixel (σ = 3 px) about
     * 0.97; uncorrelated screens are near 0.
     */
    @Test
    void correlationLengthControlsNeighbourCorrelation() {
        assertEquals(Math.exp(-1.0 / 36), neighbourCorrelation(new ThinScatterer(G, 15e-6, 1, 5).phase()), 0.02);
        assertEquals(Math.exp(-9.0 / 36), shiftCorrelation(new ThinScatterer(G, 15e-6, 1, 5).phase(), 3), 0.05);
        assertEquals(0, neighbourCorrelation(new ThinScatterer(G, 0, 1, 5).phase()), 0.03);
        assertThrows(IllegalArgumentException.class, () -> new ThinScatterer(G, -1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new ThinScatterer(G, 1e-6, Double.NaN, 5));
    }

    static double neighbourCorrelation(double[] p) {
        return shiftCorrelation(p, 1);
    }

    static double shiftCorrelation(double[] p, int d) {
        int n = G.nx();
        double c = 0;
        double v = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                c += p[y * n + x] * p[y * n + (x + d) % n];
                v += p[y * n + x] * p[y * n + x];
            }
        }
        return c / v;
    }
}
