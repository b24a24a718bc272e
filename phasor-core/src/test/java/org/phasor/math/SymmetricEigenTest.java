package org.phasor.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigenTest {

    @Test
    void reconstructsRandomSymmetricMatrices() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[]{1, 2, 5, 17, 40}) {
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double v = rnd.nextDouble(-1, 1);
                    a[i * n + j] = v;
                    a[j * n + i] = v;
                }
            }
            SymmetricEigen e = SymmetricEigen.of(a, n);
            double[] back = e.map(x -> x);
            for (int i = 0; i < n * n; i++) {
                assertEquals(a[i], back[i], 1e-12, "A = VΛVᵀ, n=" + n);
            }
            double[] id = e.map(x -> 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(i == j ? 1 : 0, id[i * n + j], 1e-12, "VVᵀ = I, n=" + n);
                }
            }
            for (int j = 1; j < n; j++) {
                assertTrue(e.values()[j - 1] <= e.values()[j], "ascending");
            }
        }
    }

    @Test
    void knownEigenvaluesAndSquareRoot() {
        double[] a = {2, 1, 1, 2}; // eigenvalues 1 and 3
        SymmetricEigen e = SymmetricEigen.of(a, 2);
        assertEquals(1, e.min(), 1e-14);
        assertEquals(3, e.max(), 1e-14);
        double[] r = e.map(Math::sqrt);
        double[] sq = {r[0] * r[0] + r[1] * r[2], r[0] * r[1] + r[1] * r[3], r[2] * r[0] + r[3] * r[2], r[2] * r[1] + r[3] * r[3]};
        for (int i = 0; i < 4; i++) {
            assertEquals(a[i], sq[i], 1e-14);
        }
    }

    @Test
    void rejectsAsymmetricMatrix() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[]{1, 2, 3, 4}, 2));
        assertTrue(ex.getMessage().contains("(0, 1)"), ex.getMessage());
    }
}
